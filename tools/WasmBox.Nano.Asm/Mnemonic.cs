using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Asm;

/// <summary>The operand shape of a mnemonic, which decides how it is parsed and printed.</summary>
internal enum MnemonicKind
{
    /// <summary><c>op %dst, %src|imm</c>; the source bit is chosen by the operand.</summary>
    Alu,
    /// <summary><c>neg %dst</c>.</summary>
    Neg,
    /// <summary><c>be16 %dst</c> and friends; the width is in imm.</summary>
    ByteSwap,
    /// <summary><c>movsx832 %dst, %src</c>; the source width is in offset.</summary>
    MoveSignExtend,
    /// <summary><c>jeq %dst, %src|imm, target</c>.</summary>
    ConditionalJump,
    /// <summary><c>ja target</c>: target in offset.</summary>
    Jump,
    /// <summary><c>ja32 target</c>: target in imm.</summary>
    Jump32,
    Call,
    Exit,
    /// <summary><c>lddw %dst, imm64</c>: two slots.</summary>
    LoadImm64,
    /// <summary><c>ldxw %dst, [%src+off]</c>.</summary>
    Load,
    /// <summary><c>stw [%dst+off], imm</c>.</summary>
    Store,
    /// <summary><c>stxw [%dst+off], %src</c>.</summary>
    StoreRegister,
}

/// <summary>
/// One mnemonic of the assembly language: its opcode (immediate-source form) and the
/// <see cref="Variant"/> RFC 9669 encodes outside the opcode (offset 1 for sdiv/smod, the
/// source width for movsx, the width in imm for byte swaps).
/// </summary>
internal sealed record Mnemonic(string Name, MnemonicKind Kind, byte Opcode, int Variant);

/// <summary>Every mnemonic, looked up by name to assemble and by encoding to disassemble.</summary>
internal static class MnemonicTable
{
    private static readonly (string Name, int Op)[] AluOperations =
    [
        ("add", Opcodes.AluAdd), ("sub", Opcodes.AluSub), ("mul", Opcodes.AluMul), ("div", Opcodes.AluDiv),
        ("or", Opcodes.AluOr), ("and", Opcodes.AluAnd), ("lsh", Opcodes.AluLsh), ("rsh", Opcodes.AluRsh),
        ("mod", Opcodes.AluMod), ("xor", Opcodes.AluXor), ("mov", Opcodes.AluMov), ("arsh", Opcodes.AluArsh),
    ];

    private static readonly (string Name, int Op)[] JumpConditions =
    [
        ("jeq", Opcodes.JmpJeq), ("jgt", Opcodes.JmpJgt), ("jge", Opcodes.JmpJge), ("jset", Opcodes.JmpJset),
        ("jne", Opcodes.JmpJne), ("jsgt", Opcodes.JmpJsgt), ("jsge", Opcodes.JmpJsge), ("jlt", Opcodes.JmpJlt),
        ("jle", Opcodes.JmpJle), ("jslt", Opcodes.JmpJslt), ("jsle", Opcodes.JmpJsle),
    ];

    private static readonly (string Suffix, int Size)[] Sizes =
    [
        ("b", Opcodes.SizeB), ("h", Opcodes.SizeH), ("w", Opcodes.SizeW), ("dw", Opcodes.SizeDw),
    ];

    private static readonly Dictionary<string, Mnemonic> ByName = Build();

    // Disassembly keys: (opcode in immediate-source form, variant). Where two names share an
    // encoding (swap16 / bswap16) the one listed first, the RFC 9669 name, wins.
    private static readonly Dictionary<(int Opcode, int Variant), Mnemonic> ByEncoding = BuildReverse();

    public static Mnemonic? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The mnemonic an instruction's encoding belongs to, or null when none does.</summary>
    public static Mnemonic? Find(Instruction insn)
    {
        int op = insn.Opcode;
        int cls = op & Opcodes.ClassMask;
        bool aluClass = cls == Opcodes.ClassAlu || cls == Opcodes.ClassAlu64;
        bool jumpClass = cls == Opcodes.ClassJmp || cls == Opcodes.ClassJmp32;
        int aluOp = op & 0xf0;

        if (aluClass && aluOp == Opcodes.AluEnd)
        {
            return ByEncoding.GetValueOrDefault((op, insn.Imm));
        }
        int variant = aluClass && (aluOp == Opcodes.AluDiv || aluOp == Opcodes.AluMod || aluOp == Opcodes.AluMov)
            ? insn.Offset
            : 0;
        if (ByEncoding.TryGetValue((op, variant), out var exact))
        {
            return exact;
        }
        if ((aluClass || jumpClass) && ByEncoding.TryGetValue((op & ~Opcodes.SourceX, variant), out var fromRegister)
            && fromRegister.Kind is MnemonicKind.Alu or MnemonicKind.ConditionalJump)
        {
            return fromRegister;
        }
        return null;
    }

    private static IEnumerable<Mnemonic> All()
    {
        foreach (var (suffix, cls) in new[] { ("", Opcodes.ClassAlu64), ("32", Opcodes.ClassAlu) })
        {
            foreach (var (name, op) in AluOperations)
            {
                yield return new Mnemonic(name + suffix, MnemonicKind.Alu, (byte)(op | cls), 0);
            }
            yield return new Mnemonic("sdiv" + suffix, MnemonicKind.Alu, (byte)(Opcodes.AluDiv | cls), 1);
            yield return new Mnemonic("smod" + suffix, MnemonicKind.Alu, (byte)(Opcodes.AluMod | cls), 1);
            yield return new Mnemonic("neg" + suffix, MnemonicKind.Neg, (byte)(Opcodes.AluNeg | cls), 0);
        }
        foreach (var width in new[] { 16, 32, 64 })
        {
            yield return new Mnemonic("be" + width, MnemonicKind.ByteSwap, Opcodes.Be, width);
            yield return new Mnemonic("le" + width, MnemonicKind.ByteSwap, Opcodes.Le, width);
            // RFC 9669 unconditional byte swap: class ALU64, operation END, source bit 0.
            yield return new Mnemonic("bswap" + width, MnemonicKind.ByteSwap, Opcodes.Bswap, width);
            yield return new Mnemonic("swap" + width, MnemonicKind.ByteSwap, Opcodes.Bswap, width);
        }
        foreach (var from in new[] { 8, 16, 32 })
        {
            if (from != 32)
            {
                yield return new Mnemonic("movsx" + from + "32", MnemonicKind.MoveSignExtend, Opcodes.Mov32X, from);
            }
            yield return new Mnemonic("movsx" + from + "64", MnemonicKind.MoveSignExtend, Opcodes.Mov64X, from);
        }
        foreach (var (suffix, cls) in new[] { ("", Opcodes.ClassJmp), ("32", Opcodes.ClassJmp32) })
        {
            foreach (var (name, op) in JumpConditions)
            {
                yield return new Mnemonic(name + suffix, MnemonicKind.ConditionalJump, (byte)(op | cls), 0);
            }
        }
        yield return new Mnemonic("ja", MnemonicKind.Jump, Opcodes.Ja, 0);
        yield return new Mnemonic("ja32", MnemonicKind.Jump32, Opcodes.Ja32, 0);
        yield return new Mnemonic("call", MnemonicKind.Call, Opcodes.Call, 0);
        yield return new Mnemonic("exit", MnemonicKind.Exit, Opcodes.Exit, 0);
        yield return new Mnemonic("lddw", MnemonicKind.LoadImm64, Opcodes.Lddw, 0);
        foreach (var (suffix, size) in Sizes)
        {
            yield return new Mnemonic("ldx" + suffix, MnemonicKind.Load, (byte)(Opcodes.ClassLdx | Opcodes.ModeMem | size), 0);
            if (size != Opcodes.SizeDw)
            {
                yield return new Mnemonic("ldxs" + suffix, MnemonicKind.Load, (byte)(Opcodes.ClassLdx | Opcodes.ModeMemSx | size), 0);
            }
            yield return new Mnemonic("st" + suffix, MnemonicKind.Store, (byte)(Opcodes.ClassSt | Opcodes.ModeMem | size), 0);
            yield return new Mnemonic("stx" + suffix, MnemonicKind.StoreRegister, (byte)(Opcodes.ClassStx | Opcodes.ModeMem | size), 0);
        }
    }

    private static Dictionary<string, Mnemonic> Build() => All().ToDictionary(m => m.Name);

    private static Dictionary<(int, int), Mnemonic> BuildReverse()
    {
        var reverse = new Dictionary<(int, int), Mnemonic>();
        foreach (var m in All())
        {
            reverse.TryAdd((m.Opcode, m.Variant), m);
        }
        return reverse;
    }
}
