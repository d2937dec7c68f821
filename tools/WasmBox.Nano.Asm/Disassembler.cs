using System.Globalization;
using System.Text;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Asm;

/// <summary>
/// Turns bytecode back into assembly text that <see cref="Assembler"/> turns into the same
/// bytes. Every jump or local call whose target is an instruction gets a label (<c>L12:</c>
/// marks slot 12); other targets stay relative. A slot with no exact mnemonic form (unknown
/// opcode, non-zero reserved fields) is written as <c>.raw 0x..</c>.
/// </summary>
public static class Disassembler
{
    public static string Disassemble(byte[] code)
    {
        if (code.Length % Instruction.Size != 0)
        {
            throw new ArgumentException("bytecode length " + code.Length + " is not a multiple of 8");
        }
        int count = code.Length / Instruction.Size;
        var lines = new Line[count];
        var startsInstruction = new bool[count];
        for (int slot = 0; slot < count; slot++)
        {
            var line = Decode(code, slot, count);
            lines[slot] = line;
            startsInstruction[slot] = true;
            if (line.Width == 2)
            {
                slot++;
            }
        }

        var labelled = new SortedSet<int>();
        foreach (var line in lines)
        {
            if (line?.Target is int target && target >= 0 && target < count && startsInstruction[target])
            {
                labelled.Add(target);
            }
        }

        var text = new StringBuilder();
        for (int slot = 0; slot < count; slot++)
        {
            if (labelled.Contains(slot))
            {
                text.Append(LabelOf(slot)).Append(":\n");
            }
            var line = lines[slot];
            if (line is null)
            {
                continue;
            }
            string target = line.Target is int t && labelled.Contains(t) ? LabelOf(t) : Relative(line.Relative);
            text.Append(line.Text.Replace(TargetPlaceholder, target, StringComparison.Ordinal)).Append('\n');
        }
        return text.ToString();
    }

    private const string TargetPlaceholder = "{target}";

    /// <summary>One decoded instruction; <see cref="Text"/> holds a placeholder where the jump target goes.</summary>
    private sealed record Line(string Text, int Width, int? Target, int Relative);

    private static string LabelOf(int slot) => "L" + slot.ToString(CultureInfo.InvariantCulture);

    private static Line Decode(byte[] code, int slot, int count)
    {
        var insn = Instruction.Read(code, slot);
        var m = MnemonicTable.Find(insn);
        bool wide = m?.Kind == MnemonicKind.LoadImm64 && slot + 1 < count;
        Instruction? high = wide ? Instruction.Read(code, slot + 1) : null;
        var line = m is null ? null : Format(m, insn, high, slot);
        if (line is not null && Reassembles(line, insn, high))
        {
            return line;
        }
        return new Line(".raw 0x" + insn.ToRaw().ToString("x16", CultureInfo.InvariantCulture), 1, null, 0);
    }

    /// <summary>True when the text assembles back to exactly these slots, so nothing was lost.</summary>
    private static bool Reassembles(Line line, Instruction insn, Instruction? high)
    {
        try
        {
            var again = Assembler.AssembleInstructions(line.Text.Replace(TargetPlaceholder, Relative(line.Relative), StringComparison.Ordinal));
            return again.Count == line.Width && again[0] == insn && (line.Width == 1 || again[1] == high);
        }
        catch (AssemblyException)
        {
            return false;
        }
    }

    private static Line? Format(Mnemonic m, Instruction insn, Instruction? high, int slot)
    {
        string dst = Register(insn.Dst);
        string src = Register(insn.Src);
        bool fromRegister = (insn.Opcode & Opcodes.SourceX) != 0;
        string operand = fromRegister ? src : Imm(insn.Imm);
        string mem = "[" + src + Displacement(insn.Offset) + "]";
        string dstMem = "[" + dst + Displacement(insn.Offset) + "]";
        switch (m.Kind)
        {
            case MnemonicKind.Alu: return Simple(m.Name + " " + dst + ", " + operand);
            case MnemonicKind.Neg:
            case MnemonicKind.ByteSwap: return Simple(m.Name + " " + dst);
            case MnemonicKind.MoveSignExtend: return Simple(m.Name + " " + dst + ", " + src);
            case MnemonicKind.ConditionalJump: return Jump(m.Name + " " + dst + ", " + operand + ", ", insn.Offset, slot);
            case MnemonicKind.Jump: return Jump(m.Name + " ", insn.Offset, slot);
            case MnemonicKind.Jump32: return Jump(m.Name + " ", insn.Imm, slot);
            case MnemonicKind.Exit: return Simple(m.Name);
            case MnemonicKind.Call:
                return insn.Src == Opcodes.CallLocal ? Jump("call local ", insn.Imm, slot)
                    : insn.Src == Opcodes.CallHelper ? Simple("call " + Imm(insn.Imm))
                    : null;
            case MnemonicKind.LoadImm64:
                if (high is not Instruction h)
                {
                    return null;
                }
                ulong value = (uint)insn.Imm | ((ulong)(uint)h.Imm << 32);
                return new Line(m.Name + " " + dst + ", " + Imm64(value), 2, null, 0);
            case MnemonicKind.Load: return Simple(m.Name + " " + dst + ", " + mem);
            case MnemonicKind.Store: return Simple(m.Name + " " + dstMem + ", " + Imm(insn.Imm));
            default: return Simple(m.Name + " " + dstMem + ", " + src);
        }
    }

    private static Line Simple(string text) => new(text, 1, null, 0);

    private static Line Jump(string prefix, int relative, int slot) =>
        new(prefix + TargetPlaceholder, 1, slot + 1 + relative, relative);

    private static string Register(int r) => "%r" + r.ToString(CultureInfo.InvariantCulture);

    private static string Relative(int offset) =>
        (offset >= 0 ? "+" : "") + offset.ToString(CultureInfo.InvariantCulture);

    private static string Displacement(short offset) => offset == 0 ? "" : Relative(offset);

    // Small values read best in decimal, large ones (masks, constants) in hex.
    private static string Imm(int imm) =>
        imm is >= -65536 and <= 65535
            ? imm.ToString(CultureInfo.InvariantCulture)
            : "0x" + ((uint)imm).ToString("x", CultureInfo.InvariantCulture);

    private static string Imm64(ulong value) =>
        (long)value is >= -65536 and <= 65535
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
