namespace WasmBox.Nano.Toolchain.Elf;

/// <summary>One .symtab entry. <see cref="SectionIndex"/> may be a special index (undefined, absolute, common).</summary>
public sealed class ElfSymbol
{
    internal ElfSymbol(int index, string name, ulong value, ulong size, byte info, ushort sectionIndex)
    {
        Index = index;
        Name = name;
        Value = value;
        Size = size;
        Type = (byte)(info & 0xf);
        Binding = (byte)(info >> 4);
        SectionIndex = sectionIndex;
    }

    public int Index { get; }

    /// <summary>The symbol's name; for section symbols (which have none) the section's name.</summary>
    public string Name { get; }

    public ulong Value { get; }

    public ulong Size { get; }

    public byte Type { get; }

    public byte Binding { get; }

    public ushort SectionIndex { get; }

    public bool IsUndefined => SectionIndex == ElfConstants.SectionUndefined;

    public bool IsCommon => SectionIndex == ElfConstants.SectionCommon;

    public bool IsAbsolute => SectionIndex == ElfConstants.SectionAbsolute;

    public bool IsSectionSymbol => Type == ElfConstants.SymbolSection;

    public bool IsFunction => Type == ElfConstants.SymbolFunc;

    public bool IsGlobal => Binding == ElfConstants.BindGlobal || Binding == ElfConstants.BindWeak;
}
