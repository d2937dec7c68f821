using System.Buffers.Binary;

namespace WasmBox.Nano.Toolchain.Elf;

/// <summary>
/// A parsed ELF64 little-endian relocatable object for eBPF: sections with names and bytes,
/// the symbol table and the SHT_REL relocation sections. Every offset, size and index is
/// checked against the file, so a malformed file gives a <see cref="ToolchainException"/>
/// naming the problem and never any other exception.
/// </summary>
public sealed class ElfFile
{
    private ElfFile(IReadOnlyList<ElfSection> sections, IReadOnlyList<ElfSymbol> symbols,
        IReadOnlyList<ElfRelocationSection> relocations)
    {
        Sections = sections;
        Symbols = symbols;
        RelocationSections = relocations;
    }

    /// <summary>All sections in header order; index 0 is the null section.</summary>
    public IReadOnlyList<ElfSection> Sections { get; }

    /// <summary>The .symtab entries (index 0 is the null symbol); empty when the file has no symbol table.</summary>
    public IReadOnlyList<ElfSymbol> Symbols { get; }

    public IReadOnlyList<ElfRelocationSection> RelocationSections { get; }

    public static ElfFile Parse(byte[] file)
    {
        ElfHeader header = ElfHeader.Read(file);
        ElfSection[] sections = ReadSections(file, header);
        IReadOnlyList<ElfSymbol> symbols = SymbolTableReader.Read(sections, out int symtabIndex);
        return new ElfFile(sections, symbols, ReadRelocations(sections, symbols, symtabIndex));
    }

    private static ElfSection[] ReadSections(byte[] file, ElfHeader header)
    {
        var raw = new RawSection[header.SectionCount];
        for (int i = 0; i < raw.Length; i++)
        {
            raw[i] = RawSection.Read(file, header.SectionTableOffset + (ulong)i * ElfConstants.SectionHeaderSize, i);
        }
        RawSection namesHeader = raw[header.SectionNamesIndex];
        var names = new StringTable(namesHeader.ToSection(file, "section name table"), "section name table");
        var sections = new ElfSection[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            string name = names.Read(raw[i].NameOffset, "section " + i);
            sections[i] = raw[i].ToSection(file, name);
        }
        return sections;
    }

    private static List<ElfRelocationSection> ReadRelocations(ElfSection[] sections, IReadOnlyList<ElfSymbol> symbols, int symtabIndex)
    {
        var result = new List<ElfRelocationSection>();
        foreach (ElfSection section in sections)
        {
            if (section.Type == ElfConstants.SectionRela)
            {
                throw new ToolchainException("relocation section " + section.Describe()
                    + " is SHT_RELA; only SHT_REL (what clang -target bpf emits) is supported");
            }
            if (section.Type != ElfConstants.SectionRel)
            {
                continue;
            }
            if (section.Link != symtabIndex || symtabIndex < 0)
            {
                throw new ToolchainException("relocation section " + section.Describe() + " refers to symbol table section "
                    + section.Link + ", which is not the file's .symtab");
            }
            if (section.Info == 0 || section.Info >= (uint)sections.Length)
            {
                throw new ToolchainException("relocation section " + section.Describe() + " applies to section "
                    + section.Info + ", which does not exist");
            }
            if (section.EntrySize != ElfConstants.RelSize || section.Size % ElfConstants.RelSize != 0)
            {
                throw new ToolchainException("relocation section " + section.Describe() + " has entries of "
                    + section.EntrySize + " bytes and size " + section.Size + "; SHT_REL entries are 16 bytes");
            }
            result.Add(new ElfRelocationSection(section, sections[section.Info], ReadEntries(section, symbols.Count)));
        }
        return result;
    }

    private static ElfRelocation[] ReadEntries(ElfSection section, int symbolCount)
    {
        ReadOnlySpan<byte> bytes = section.Contents.Span;
        var entries = new ElfRelocation[bytes.Length / ElfConstants.RelSize];
        for (int i = 0; i < entries.Length; i++)
        {
            ReadOnlySpan<byte> entry = bytes.Slice(i * ElfConstants.RelSize, ElfConstants.RelSize);
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(entry);
            ulong info = BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]);
            var relocation = new ElfRelocation(offset, (uint)info, (uint)(info >> 32));
            if (relocation.SymbolIndex >= (uint)symbolCount)
            {
                throw new ToolchainException("relocation " + i + " of " + section.Describe() + " names symbol "
                    + relocation.SymbolIndex + ", but the symbol table has " + symbolCount);
            }
            entries[i] = relocation;
        }
        return entries;
    }

    /// <summary>A section header as stored, before its name is known.</summary>
    private readonly record struct RawSection(int Index, uint NameOffset, uint Type, ulong Flags, ulong Offset, ulong Size,
        uint Link, uint Info, ulong Alignment, ulong EntrySize)
    {
        public static RawSection Read(byte[] file, ulong at, int index)
        {
            ReadOnlySpan<byte> h = file.AsSpan((int)at, ElfConstants.SectionHeaderSize);
            return new RawSection(index,
                BinaryPrimitives.ReadUInt32LittleEndian(h),
                BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[8..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[0x18..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[0x20..]),
                BinaryPrimitives.ReadUInt32LittleEndian(h[0x28..]),
                BinaryPrimitives.ReadUInt32LittleEndian(h[0x2c..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[0x30..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[0x38..]));
        }

        public ElfSection ToSection(byte[] file, string name)
        {
            ReadOnlyMemory<byte> contents = ReadOnlyMemory<byte>.Empty;
            if (Type != ElfConstants.SectionNull && Type != ElfConstants.SectionNoBits)
            {
                if (Offset > (ulong)file.Length || Size > (ulong)file.Length - Offset)
                {
                    throw new ToolchainException("section '" + name + "' (section " + Index + ") at offset " + Offset
                        + " with " + Size + " bytes runs past the end of the file (" + file.Length + " bytes)");
                }
                contents = new ReadOnlyMemory<byte>(file, (int)Offset, (int)Size);
            }
            if (Alignment > 1 && (Alignment & (Alignment - 1)) != 0)
            {
                throw new ToolchainException("section '" + name + "' (section " + Index + ") has alignment " + Alignment
                    + ", which is not a power of two");
            }
            return new ElfSection(Index, name, Type, Flags, Size, Link, Info, Alignment, EntrySize, contents);
        }
    }
}
