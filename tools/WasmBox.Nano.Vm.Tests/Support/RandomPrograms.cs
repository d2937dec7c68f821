using FsCheck;
using FsCheck.Fluent;

namespace WasmBox.Nano.Vm.Tests.Support;

/// <summary>
/// Random "valid-looking" programs: whitelisted opcodes with random registers, offsets,
/// immediates and jump targets, mostly but not always acceptable to the verifier.
/// FsCheck generates raw words; <see cref="Build"/> turns them into bytecode deterministically,
/// so a failing case is fully described by the words FsCheck prints.
/// </summary>
internal static class RandomPrograms
{
    private const int WordsPerSlot = 4;

    /// <summary>Helper ids the property tests register (see <see cref="FuzzHelpers"/>); 99 is unknown.</summary>
    private static readonly int[] HelperIds = [1, 2, 3, 4, 99];

    private static readonly int[] AluOps =
    [
        Opcodes.AluAdd, Opcodes.AluSub, Opcodes.AluMul, Opcodes.AluDiv, Opcodes.AluOr, Opcodes.AluAnd,
        Opcodes.AluLsh, Opcodes.AluRsh, Opcodes.AluNeg, Opcodes.AluMod, Opcodes.AluXor, Opcodes.AluMov,
        Opcodes.AluArsh,
    ];

    private static readonly int[] JumpOps =
    [
        Opcodes.JmpJeq, Opcodes.JmpJgt, Opcodes.JmpJge, Opcodes.JmpJset, Opcodes.JmpJne, Opcodes.JmpJsgt,
        Opcodes.JmpJsge, Opcodes.JmpJlt, Opcodes.JmpJle, Opcodes.JmpJslt, Opcodes.JmpJsle,
    ];

    private static readonly int[] Sizes = [Opcodes.SizeB, Opcodes.SizeH, Opcodes.SizeW, Opcodes.SizeDw];

    private static readonly int[] InterestingImmediates =
        [0, 1, -1, 2, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, int.MinValue, int.MaxValue, 0x80, 0xFFFF, 512];

    /// <summary>Raw material for a program of 1..maxSlots slots.</summary>
    public static Gen<int[]> Words(int maxSlots) =>
        Gen.Choose(1, maxSlots).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, int.MaxValue), n * WordsPerSlot));

    /// <summary>
    /// Builds a program from <paramref name="words"/> after <paramref name="prologue"/>.
    /// Memory instructions use base registers from <paramref name="pointerRegisters"/> with
    /// offsets near the edges of 64-byte regions and 512-byte stack frames.
    /// </summary>
    public static byte[] Build(int[] words, byte[] prologue, int[] pointerRegisters)
    {
        int body = words.Length / WordsPerSlot;
        int start = prologue.Length / Opcodes.InstructionSize;
        int n = start + body;
        var code = new List<byte[]>(n) { prologue };
        for (int slot = 0; slot < body; slot++)
        {
            int pc = start + slot;
            ReadOnlySpan<int> w = words.AsSpan(slot * WordsPerSlot, WordsPerSlot);
            bool last = slot == body - 1;
            // The last slot is almost always exit, so programs usually pass the end check.
            byte[] instruction = last && w[0] % 64 != 0 ? Ins.Exit() : Instruction(w, pc, n, pointerRegisters);
            if (instruction.Length == 16 && last)
            {
                instruction = Ins.Exit();
            }
            if (instruction.Length == 16)
            {
                slot++; // an LDDW takes two slots
            }
            code.Add(instruction);
        }
        return Ins.Program([.. code]);
    }

    private static byte[] Instruction(ReadOnlySpan<int> w, int pc, int n, int[] pointers)
    {
        int kind = w[0] % 100;
        int mode = w[0] / 100;
        if (kind < 35) return Alu(w[1], Dst(w[2]), Src(w[2] >> 8), Immediate(w[3]), mode);
        if (kind < 38) return Ins.Swap(Pick([Opcodes.Le, Opcodes.Be, Opcodes.Bswap], w[1]), Dst(w[2]), Pick([16, 32, 64, 16, 32, 64, 8], w[3]));
        if (kind < 42) return Ins.Lddw(Dst(w[2]), (ulong)(uint)w[3] << 32 | (uint)Immediate(w[1]));
        if (kind < 70) return Memory(w[1], Dst(w[2]), Pick(pointers, w[2] >> 8), Src(w[2] >> 16), MemoryOffset(w[3]), Immediate(mode));
        if (kind < 85) return ConditionalJump(w[1], Dst(w[2]), Src(w[2] >> 8), Immediate(mode), Target(w[3], pc, n));
        if (kind < 88) return w[1] % 2 == 0 ? Ins.Ja(Target(w[3], pc, n)) : Ins.Ja32(Target(w[3], pc, n));
        if (kind < 94) return Ins.CallHelper(Pick(HelperIds, w[1]));
        if (kind < 97) return Ins.CallLocal(Target(w[3], pc, n));
        return Ins.Exit();
    }

    private static byte[] Alu(int w, int dst, int src, int imm, int mode)
    {
        int op = Pick(AluOps, w);
        bool is64 = (w >> 4) % 2 == 0;
        bool fromRegister = (w >> 5) % 2 == 0 && op != Opcodes.AluNeg;
        int offset = 0;
        if ((op == Opcodes.AluDiv || op == Opcodes.AluMod) && (w >> 6) % 2 == 0)
        {
            offset = 1;
        }
        if (op == Opcodes.AluMov && fromRegister && (w >> 6) % 3 == 0)
        {
            offset = Pick([8, 16, 32], w >> 8);
        }
        if (op == Opcodes.AluNeg)
        {
            imm = 0;
        }
        int opcode = (is64 ? Opcodes.ClassAlu64 : Opcodes.ClassAlu) | (fromRegister ? Opcodes.SourceX : Opcodes.SourceK) | op;
        return Ins.Raw(opcode, dst, fromRegister ? src : 0, offset, fromRegister ? 0 : imm);
    }

    private static byte[] Memory(int w, int dst, int pointer, int src, int offset, int imm)
    {
        int size = Pick(Sizes, w);
        return ((w >> 2) % 4) switch
        {
            0 => Ins.Ldx(size, dst, pointer, offset),
            1 => size == Opcodes.SizeDw ? Ins.Ldx(size, dst, pointer, offset) : Ins.LdxSx(size, dst, pointer, offset),
            2 => Ins.St(size, pointer, offset, imm),
            _ => Ins.Stx(size, pointer, src, offset),
        };
    }

    private static byte[] ConditionalJump(int w, int dst, int src, int imm, int offset)
    {
        int op = Pick(JumpOps, w);
        bool is32 = (w >> 4) % 2 == 0;
        bool fromRegister = (w >> 5) % 2 == 0;
        int opcode = (is32 ? Opcodes.ClassJmp32 : Opcodes.ClassJmp) | (fromRegister ? Opcodes.SourceX : Opcodes.SourceK) | op;
        return Ins.Raw(opcode, dst, fromRegister ? src : 0, offset, fromRegister ? 0 : imm);
    }

    /// <summary>Mostly a target inside the program; now and then one just outside it.</summary>
    private static int Target(int w, int pc, int n)
    {
        int target = w % 32 == 0 ? (w % 2 == 0 ? n : -1) : w % n;
        return target - (pc + 1);
    }

    /// <summary>r0..r9 as destination, now and then r10 or a register that does not exist.</summary>
    private static int Dst(int w) => w % 50 == 0 ? 10 + (w / 50) % 3 : w % 10;

    private static int Src(int w) => w % 11;

    private static int Immediate(int w) => (w % 3) switch
    {
        0 => Pick(InterestingImmediates, w / 3),
        1 => (w / 3) % 129 - 64,
        _ => w * 7919,
    };

    /// <summary>Offsets mostly inside a 64-byte region, else around its edges, in the stack, or anywhere.</summary>
    private static int MemoryOffset(int w) => (w % 8) switch
    {
        < 3 => (w / 8) % 64,
        3 => 56 + (w / 8) % 16,
        4 => (w / 8) % 24 - 12,
        < 7 => -8 * ((w / 8) % 260) - (w / 8) % 8,
        _ => (short)(w / 8),
    };

    private static int Pick(int[] values, int w) => values[(int)((uint)w % (uint)values.Length)];
}
