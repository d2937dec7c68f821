using System.Buffers.Binary;

namespace WasmBox.Nano.Asm;

/// <summary>One 8-byte eBPF instruction slot (RFC 9669): opcode, dst, src, offset, imm.</summary>
public readonly record struct Instruction(byte Opcode, byte Dst, byte Src, short Offset, int Imm)
{
    public const int Size = 8;

    public static Instruction Read(ReadOnlySpan<byte> code, int slot)
    {
        var at = code.Slice(slot * Size, Size);
        return new Instruction(at[0], (byte)(at[1] & 0x0f), (byte)(at[1] >> 4),
            BinaryPrimitives.ReadInt16LittleEndian(at[2..]), BinaryPrimitives.ReadInt32LittleEndian(at[4..]));
    }

    public void Write(Span<byte> code, int slot)
    {
        var at = code.Slice(slot * Size, Size);
        at[0] = Opcode;
        at[1] = (byte)((Src << 4) | (Dst & 0x0f));
        BinaryPrimitives.WriteInt16LittleEndian(at[2..], Offset);
        BinaryPrimitives.WriteInt32LittleEndian(at[4..], Imm);
    }

    /// <summary>The slot as the little-endian 64-bit value the `-- raw` sections and `.raw` use.</summary>
    public ulong ToRaw()
    {
        Span<byte> bytes = stackalloc byte[Size];
        Write(bytes, 0);
        return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
    }

    public static Instruction FromRaw(ulong raw)
    {
        Span<byte> bytes = stackalloc byte[Size];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, raw);
        return Read(bytes, 0);
    }

    public static byte[] ToBytes(IReadOnlyList<Instruction> instructions)
    {
        var code = new byte[instructions.Count * Size];
        for (int i = 0; i < instructions.Count; i++)
        {
            instructions[i].Write(code, i);
        }
        return code;
    }
}
