using System.Buffers.Binary;

namespace WasmBox.Nano.Runtime.Tests.Support;

/// <summary>A tiny eBPF encoder for hand-written test programs (RFC 9669 encodings).</summary>
public sealed class Bpf
{
    private readonly List<byte> _code = new();

    /// <summary>Number of instruction slots so far (for jump offsets).</summary>
    public int Count => _code.Count / 8;

    public Bpf Raw(byte op, int dst, int src, short off, int imm)
    {
        Span<byte> slot = stackalloc byte[8];
        slot[0] = op;
        slot[1] = (byte)((src << 4) | dst);
        BinaryPrimitives.WriteInt16LittleEndian(slot[2..], off);
        BinaryPrimitives.WriteInt32LittleEndian(slot[4..], imm);
        _code.AddRange(slot.ToArray());
        return this;
    }

    public Bpf Mov(int dst, int imm) => Raw(0xb7, dst, 0, 0, imm);
    public Bpf MovReg(int dst, int src) => Raw(0xbf, dst, src, 0, 0);
    public Bpf Add(int dst, int imm) => Raw(0x07, dst, 0, 0, imm);
    public Bpf AddReg(int dst, int src) => Raw(0x0f, dst, src, 0, 0);

    public Bpf Lddw(int dst, ulong value) =>
        Raw(0x18, dst, 0, 0, (int)(uint)value).Raw(0, 0, 0, 0, (int)(uint)(value >> 32));

    public Bpf LdxB(int dst, int src, short off) => Raw(0x71, dst, src, off, 0);
    public Bpf LdxW(int dst, int src, short off) => Raw(0x61, dst, src, off, 0);
    public Bpf LdxDw(int dst, int src, short off) => Raw(0x79, dst, src, off, 0);
    public Bpf StB(int dst, short off, int imm) => Raw(0x72, dst, 0, off, imm);
    public Bpf StW(int dst, short off, int imm) => Raw(0x62, dst, 0, off, imm);
    public Bpf StxW(int dst, short off, int src) => Raw(0x63, dst, src, off, 0);
    public Bpf StxDw(int dst, short off, int src) => Raw(0x7b, dst, src, off, 0);

    public Bpf Call(int helper) => Raw(0x85, 0, 0, 0, helper);
    public Bpf Exit() => Raw(0x95, 0, 0, 0, 0);
    public Bpf Ja(short off) => Raw(0x05, 0, 0, off, 0);
    public Bpf JeqImm(int dst, int imm, short off) => Raw(0x15, dst, 0, off, imm);
    public Bpf JneImm(int dst, int imm, short off) => Raw(0x55, dst, 0, off, imm);

    /// <summary>Writes an ASCII string (NUL-terminated) at r10 + <paramref name="start"/> and points <paramref name="reg"/> at it.</summary>
    public Bpf StackString(int reg, short start, string text)
    {
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(text + "\0");
        for (int i = 0; i < bytes.Length; i++)
        {
            StB(10, (short)(start + i), bytes[i]);
        }
        return MovReg(reg, 10).Add(reg, start);
    }

    /// <summary>Points <paramref name="reg"/> at r10 + <paramref name="offset"/>.</summary>
    public Bpf StackPointer(int reg, int offset) => MovReg(reg, 10).Add(reg, offset);

    public byte[] Build() => _code.ToArray();

    /// <summary>r0 = value; exit.</summary>
    public static byte[] Return(int value) => new Bpf().Mov(0, value).Exit().Build();

    /// <summary>An infinite loop (ja -1).</summary>
    public static byte[] Spin() => new Bpf().Ja(-1).Exit().Build();
}
