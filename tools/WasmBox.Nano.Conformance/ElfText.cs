using System.Buffers.Binary;

namespace WasmBox.Nano.Conformance;

/// <summary>
/// Pulls the program out of the small relocatable ELF64 file the conformance runner sends
/// with <c>--elf</c>: the bytes of its first executable PROGBITS section (".text" or "xdp").
/// </summary>
public static class ElfText
{
    private const uint SectionTypeProgbits = 1;
    private const ulong SectionFlagExecInstr = 4;
    private const int SectionHeaderSize = 64;

    public static byte[] Extract(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new FormatException("not an ELF file");
        }
        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new FormatException("only 64-bit little-endian ELF files are supported");
        }
        var bytes = elf.AsSpan();
        ulong sectionTable = BinaryPrimitives.ReadUInt64LittleEndian(bytes[0x28..]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(bytes[0x3c..]);
        for (int i = 0; i < count; i++)
        {
            ulong at = sectionTable + (ulong)(i * SectionHeaderSize);
            if (at + SectionHeaderSize > (ulong)elf.Length)
            {
                throw new FormatException("ELF section table runs past the end of the file");
            }
            var header = bytes.Slice((int)at, SectionHeaderSize);
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            ulong flags = BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
            if (type != SectionTypeProgbits || (flags & SectionFlagExecInstr) == 0)
            {
                continue;
            }
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]);
            ulong size = BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..]);
            if (offset > (ulong)elf.Length || size > (ulong)elf.Length - offset)
            {
                throw new FormatException("ELF code section runs past the end of the file");
            }
            return bytes.Slice((int)offset, (int)size).ToArray();
        }
        throw new FormatException("ELF file has no executable section");
    }
}
