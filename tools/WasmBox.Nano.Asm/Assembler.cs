using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Asm;

/// <summary>
/// Assembles the uBPF / bpf_conformance assembly syntax into little-endian eBPF bytecode.
/// One instruction per line; <c>name:</c> defines a label; <c>#</c> starts a comment; jump
/// targets are labels or signed relative offsets (<c>+2</c>, <c>-1</c>); as in that syntax the
/// first <c>exit</c> also defines the label <c>exit</c> unless the program defines it itself.
/// <c>.raw 0x..</c> emits one raw 64-bit slot (the disassembler's form for encodings that
/// have no mnemonic).
/// </summary>
public static class Assembler
{
    private const string ImplicitExitLabel = "exit";

    /// <summary>The bytecode of <paramref name="source"/>; throws <see cref="AssemblyException"/>.</summary>
    public static byte[] Assemble(string source) => Instruction.ToBytes(AssembleInstructions(source));

    public static IReadOnlyList<Instruction> AssembleInstructions(string source)
    {
        var statements = new List<Statement>();
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        int? firstExit = null;
        int slot = 0;
        string[] lines = source.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var statement = Parse(lines[i], i + 1, slot, labels);
            if (statement is null)
            {
                continue;
            }
            if (statement.Mnemonic == "exit")
            {
                firstExit ??= slot;
            }
            statements.Add(statement);
            slot += statement.Mnemonic == "lddw" ? 2 : 1;
        }
        if (firstExit is int exitSlot)
        {
            labels.TryAdd(ImplicitExitLabel, exitSlot);
        }

        var encoder = new StatementEncoder(labels);
        var output = new List<Instruction>(slot);
        foreach (var statement in statements)
        {
            output.AddRange(encoder.Encode(statement));
        }
        return output;
    }

    /// <summary>Splits one line into an optional label and a statement; null when no instruction is on it.</summary>
    private static Statement? Parse(string line, int number, int slot, Dictionary<string, int> labels)
    {
        int comment = line.IndexOf('#');
        string code = (comment >= 0 ? line[..comment] : line).Trim();
        string[] tokens = code.Split([' ', '\t', ',', '\r'], StringSplitOptions.RemoveEmptyEntries);
        int first = 0;
        while (first < tokens.Length && tokens[first].EndsWith(':'))
        {
            string label = tokens[first][..^1];
            if (label.Length == 0 || !IsLabelName(label))
            {
                throw new AssemblyException(number, "bad label name '" + label + "'");
            }
            if (!labels.TryAdd(label, slot))
            {
                throw new AssemblyException(number, "label '" + label + "' is defined twice");
            }
            first++;
        }
        if (first == tokens.Length)
        {
            return null;
        }
        return new Statement(number, slot, tokens[first], tokens[(first + 1)..]);
    }

    private static bool IsLabelName(string text) =>
        (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '.');
}

/// <summary>One instruction line: its 1-based line number, first slot, mnemonic and operands.</summary>
internal sealed record Statement(int Line, int Slot, string Mnemonic, string[] Operands);

/// <summary>Encodes statements once every label is known.</summary>
internal sealed class StatementEncoder(IReadOnlyDictionary<string, int> labels)
{
    public Instruction[] Encode(Statement s)
    {
        if (s.Mnemonic == ".raw")
        {
            Expect(s, 1);
            return [Instruction.FromRaw(Operands.Imm64(s.Operands[0], s.Line))];
        }
        if (s.Mnemonic == "lock")
        {
            throw new AssemblyException(s.Line, "atomic instructions (lock ...) are not supported");
        }
        var m = MnemonicTable.Find(s.Mnemonic)
            ?? throw new AssemblyException(s.Line, "unknown mnemonic '" + s.Mnemonic + "'");
        string[] o = s.Operands;
        switch (m.Kind)
        {
            case MnemonicKind.Alu:
                Expect(s, 2);
                return [Binary(m.Opcode, Operands.Register(o[0], s.Line), o[1], (short)m.Variant, s.Line)];
            case MnemonicKind.Neg:
                Expect(s, 1);
                return [new Instruction(m.Opcode, Operands.Register(o[0], s.Line), 0, 0, 0)];
            case MnemonicKind.ByteSwap:
                Expect(s, 1);
                return [new Instruction(m.Opcode, Operands.Register(o[0], s.Line), 0, 0, m.Variant)];
            case MnemonicKind.MoveSignExtend:
                Expect(s, 2);
                return [new Instruction(m.Opcode, Operands.Register(o[0], s.Line), Operands.Register(o[1], s.Line),
                    (short)m.Variant, 0)];
            case MnemonicKind.ConditionalJump:
                Expect(s, 3);
                var jump = Binary(m.Opcode, Operands.Register(o[0], s.Line), o[1], 0, s.Line);
                return [jump with { Offset = Target16(o[2], s) }];
            case MnemonicKind.Jump:
                Expect(s, 1);
                return [new Instruction(m.Opcode, 0, 0, Target16(o[0], s), 0)];
            case MnemonicKind.Jump32:
                Expect(s, 1);
                return [new Instruction(m.Opcode, 0, 0, 0, Target32(o[0], s))];
            case MnemonicKind.Call:
                return [Call(s)];
            case MnemonicKind.Exit:
                Expect(s, 0);
                return [new Instruction(m.Opcode, 0, 0, 0, 0)];
            case MnemonicKind.LoadImm64:
                Expect(s, 2);
                ulong value = Operands.Imm64(o[1], s.Line);
                return
                [
                    new Instruction(m.Opcode, Operands.Register(o[0], s.Line), 0, 0, unchecked((int)value)),
                    new Instruction(0, 0, 0, 0, unchecked((int)(value >> 32))),
                ];
            case MnemonicKind.Load:
            {
                Expect(s, 2);
                var (src, offset) = Operands.Memory(o[1], s.Line);
                return [new Instruction(m.Opcode, Operands.Register(o[0], s.Line), src, offset, 0)];
            }
            case MnemonicKind.Store:
            {
                Expect(s, 2);
                var (dst, offset) = Operands.Memory(o[0], s.Line);
                return [new Instruction(m.Opcode, dst, 0, offset, Operands.Imm32(o[1], s.Line))];
            }
            default:
            {
                Expect(s, 2);
                var (dst, offset) = Operands.Memory(o[0], s.Line);
                return [new Instruction(m.Opcode, dst, Operands.Register(o[1], s.Line), offset, 0)];
            }
        }
    }

    /// <summary>An ALU or jump instruction whose second operand is a register or an immediate.</summary>
    private static Instruction Binary(byte opcode, byte dst, string source, short offset, int line) =>
        Operands.IsRegister(source)
            ? new Instruction((byte)(opcode | Opcodes.SourceX), dst, Operands.Register(source, line), offset, 0)
            : new Instruction(opcode, dst, 0, offset, Operands.Imm32(source, line));

    /// <summary><c>call N</c>, <c>call helper N</c> or <c>call local target</c>.</summary>
    private Instruction Call(Statement s)
    {
        string[] o = s.Operands;
        if (o.Length == 1 && Operands.IsRegister(o[0]) || o.Length == 2 && o[0] == "helper" && Operands.IsRegister(o[1]))
        {
            throw new AssemblyException(s.Line, "callx (call by register) is not supported");
        }
        if (o.Length == 1 || o.Length == 2 && o[0] == "helper")
        {
            return new Instruction(Opcodes.Call, 0, Opcodes.CallHelper, 0, Operands.Imm32(o[^1], s.Line));
        }
        if (o.Length == 2 && o[0] == "local")
        {
            return new Instruction(Opcodes.Call, 0, Opcodes.CallLocal, 0, Target32(o[1], s));
        }
        throw new AssemblyException(s.Line, "expected 'call N', 'call helper N' or 'call local LABEL'");
    }

    private short Target16(string target, Statement s)
    {
        int relative = Operands.IsRelative(target) ? Operands.Offset16(target, s.Line) : LabelDistance(target, s);
        if (relative is < short.MinValue or > short.MaxValue)
        {
            throw new AssemblyException(s.Line, "jump to '" + target + "' is out of range (" + relative + " instructions)");
        }
        return (short)relative;
    }

    private int Target32(string target, Statement s) =>
        Operands.IsRelative(target) ? Operands.Offset32(target, s.Line) : LabelDistance(target, s);

    private int LabelDistance(string label, Statement s)
    {
        if (!labels.TryGetValue(label, out int slot))
        {
            throw new AssemblyException(s.Line, "undefined label '" + label + "'");
        }
        return slot - (s.Slot + 1);
    }

    private static void Expect(Statement s, int count)
    {
        if (s.Operands.Length != count)
        {
            throw new AssemblyException(s.Line,
                s.Mnemonic + " takes " + count + " operand" + (count == 1 ? "" : "s") + ", got " + s.Operands.Length);
        }
    }
}
