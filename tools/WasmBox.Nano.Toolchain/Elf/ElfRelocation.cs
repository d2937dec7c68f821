namespace WasmBox.Nano.Toolchain.Elf;

/// <summary>One SHT_REL entry: where to patch, how, and against which symbol (the addend is in place).</summary>
public readonly record struct ElfRelocation(ulong Offset, uint Type, uint SymbolIndex);

/// <summary>A .rel.* section and the section its entries patch.</summary>
public sealed class ElfRelocationSection(ElfSection section, ElfSection target, IReadOnlyList<ElfRelocation> entries)
{
    public ElfSection Section { get; } = section;

    public ElfSection Target { get; } = target;

    public IReadOnlyList<ElfRelocation> Entries { get; } = entries;
}
