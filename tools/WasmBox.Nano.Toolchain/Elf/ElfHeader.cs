using System.Buffers.Binary;

namespace WasmBox.Nano.Toolchain.Elf;

/// <summary>
/// The ELF file header fields the reader needs, validated: an ELF64 little-endian relocatable
/// object for EM_BPF whose section header table lies inside the file.
/// </summary>
internal readonly record struct ElfHeader(ulong SectionTableOffset, int SectionCount, int SectionNamesIndex)
{
    public static ElfHeader Read(byte[] file)
    {
        if (file.Length < 4 || file[0] != 0x7f || file[1] != (byte)'E' || file[2] != (byte)'L' || file[3] != (byte)'F')
        {
            throw new ToolchainException("not an ELF file (no \\x7fELF magic)");
        }
        if (file.Length < ElfConstants.HeaderSize)
        {
            throw new ToolchainException("truncated ELF file: " + file.Length + " bytes, the ELF64 header alone is "
                + ElfConstants.HeaderSize);
        }
        if (file[4] != ElfConstants.Class64)
        {
            throw new ToolchainException("ELF class " + file[4] + " is not ELF64 (clang -target bpf makes 64-bit objects)");
        }
        if (file[5] != ElfConstants.LittleEndian)
        {
            throw new ToolchainException(file[5] == 2
                ? "big-endian ELF (bpfeb) is not supported; compile with -target bpf or bpfel"
                : "ELF data encoding " + file[5] + " is neither little- nor big-endian");
        }
        if (file[6] != ElfConstants.CurrentVersion)
        {
            throw new ToolchainException("ELF version " + file[6] + " is not 1");
        }
        ReadOnlySpan<byte> bytes = file;
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(bytes[16..]);
        ushort machine = BinaryPrimitives.ReadUInt16LittleEndian(bytes[18..]);
        if (machine != ElfConstants.MachineBpf)
        {
            throw new ToolchainException("ELF machine is " + ElfConstants.MachineName(machine)
                + ", not eBPF (EM_BPF, 247); compile with clang -target bpf");
        }
        if (type != ElfConstants.TypeRelocatable)
        {
            throw new ToolchainException("ELF file is " + ElfConstants.FileTypeName(type)
                + ", not a relocatable object (.o from clang -c)");
        }
        ulong sectionTable = BinaryPrimitives.ReadUInt64LittleEndian(bytes[0x28..]);
        ushort entrySize = BinaryPrimitives.ReadUInt16LittleEndian(bytes[0x3a..]);
        ushort count = BinaryPrimitives.ReadUInt16LittleEndian(bytes[0x3c..]);
        ushort namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(bytes[0x3e..]);
        if (count == 0)
        {
            throw new ToolchainException(sectionTable == 0
                ? "ELF file has no section headers"
                : "ELF file uses extended section numbering (more than 65279 sections), which is not supported");
        }
        if (entrySize != ElfConstants.SectionHeaderSize)
        {
            throw new ToolchainException("ELF section header size is " + entrySize + ", not " + ElfConstants.SectionHeaderSize);
        }
        ulong tableBytes = (ulong)count * ElfConstants.SectionHeaderSize;
        if (sectionTable > (ulong)file.Length || tableBytes > (ulong)file.Length - sectionTable)
        {
            throw new ToolchainException("truncated ELF file: the section header table (" + count + " entries at offset "
                + sectionTable + ") runs past the end of the file (" + file.Length + " bytes)");
        }
        if (namesIndex == ElfConstants.SectionExtendedIndex || namesIndex >= count)
        {
            throw new ToolchainException("ELF section name table index " + namesIndex + " is not one of the "
                + count + " sections");
        }
        return new ElfHeader(sectionTable, count, namesIndex);
    }
}
