using System.Buffers.Binary;

namespace WasmBox.Nano.Toolchain.Elf;

/// <summary>Reads the single SHT_SYMTAB section and names its entries from the string table it links to.</summary>
internal static class SymbolTableReader
{
    public static IReadOnlyList<ElfSymbol> Read(ElfSection[] sections, out int symtabIndex)
    {
        symtabIndex = -1;
        foreach (ElfSection section in sections)
        {
            if (section.Type == ElfConstants.SectionSymtab)
            {
                if (symtabIndex >= 0)
                {
                    throw new ToolchainException("ELF file has two symbol tables (sections " + symtabIndex + " and "
                        + section.Index + ")");
                }
                symtabIndex = section.Index;
            }
        }
        return symtabIndex < 0 ? [] : ReadEntries(sections, sections[symtabIndex]);
    }

    private static ElfSymbol[] ReadEntries(ElfSection[] sections, ElfSection symtab)
    {
        if (symtab.EntrySize != ElfConstants.SymbolSize || symtab.Size % ElfConstants.SymbolSize != 0)
        {
            throw new ToolchainException("symbol table " + symtab.Describe() + " has entries of " + symtab.EntrySize
                + " bytes and size " + symtab.Size + "; ELF64 symbols are 24 bytes");
        }
        if (symtab.Link >= (uint)sections.Length)
        {
            throw new ToolchainException("symbol table " + symtab.Describe() + " links to string table section "
                + symtab.Link + ", which does not exist");
        }
        var names = new StringTable(sections[symtab.Link], "symbol name table");
        ReadOnlySpan<byte> bytes = symtab.Contents.Span;
        var symbols = new ElfSymbol[bytes.Length / ElfConstants.SymbolSize];
        for (int i = 0; i < symbols.Length; i++)
        {
            ReadOnlySpan<byte> entry = bytes.Slice(i * ElfConstants.SymbolSize, ElfConstants.SymbolSize);
            uint nameOffset = BinaryPrimitives.ReadUInt32LittleEndian(entry);
            byte info = entry[4];
            ushort sectionIndex = BinaryPrimitives.ReadUInt16LittleEndian(entry[6..]);
            CheckSectionIndex(sectionIndex, sections.Length, i);
            string name = names.Read(nameOffset, "symbol " + i);
            if ((info & 0xf) == ElfConstants.SymbolSection && sectionIndex != 0 && sectionIndex < sections.Length)
            {
                name = sections[sectionIndex].Name;
            }
            symbols[i] = new ElfSymbol(i, name, BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]),
                BinaryPrimitives.ReadUInt64LittleEndian(entry[16..]), info, sectionIndex);
        }
        return symbols;
    }

    private static void CheckSectionIndex(ushort index, int sectionCount, int symbol)
    {
        if (index == ElfConstants.SectionExtendedIndex)
        {
            throw new ToolchainException("symbol " + symbol + " uses an extended section index (SHN_XINDEX), which is not supported");
        }
        bool special = index >= ElfConstants.SectionReservedStart;
        if (special && index != ElfConstants.SectionAbsolute && index != ElfConstants.SectionCommon)
        {
            throw new ToolchainException("symbol " + symbol + " has special section index 0x" + index.ToString("x4")
                + ", which is not supported");
        }
        if (!special && index >= sectionCount)
        {
            throw new ToolchainException("symbol " + symbol + " is in section " + index + ", but the file has "
                + sectionCount + " sections");
        }
    }
}
