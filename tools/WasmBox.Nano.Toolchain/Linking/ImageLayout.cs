using WasmBox.Nano.Bundle;
using WasmBox.Nano.Toolchain.Elf;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Toolchain.Linking;

/// <summary>
/// Where every loaded section and COMMON symbol lives in the image: executable sections one
/// after the other in the text, .rodata* in the rodata segment, .data in the data segment and
/// .bss plus COMMON symbols in the zeroed part right after the data, which is padded so that
/// the bss starts at <see cref="DataBytes"/> (the runtime maps data and bss as one region at
/// <see cref="MemoryRegion.DataBase"/>).
/// </summary>
internal sealed class ImageLayout
{
    private const int MinBssAlignment = 8;

    private readonly SectionRole[] _roles;
    private readonly int[] _offsets;
    private readonly Dictionary<int, int> _commonOffsets;

    private ImageLayout(SectionRole[] roles, int[] offsets, Dictionary<int, int> commonOffsets,
        int textBytes, int rodataBytes, int dataBytes, int bssBytes)
    {
        _roles = roles;
        _offsets = offsets;
        _commonOffsets = commonOffsets;
        TextBytes = textBytes;
        RodataBytes = rodataBytes;
        DataBytes = dataBytes;
        BssBytes = bssBytes;
    }

    public int TextBytes { get; }

    public int RodataBytes { get; }

    /// <summary>Initialised data, padded to the bss alignment when there is bss.</summary>
    public int DataBytes { get; }

    public int BssBytes { get; }

    public SectionRole RoleOf(ElfSection section) => _roles[section.Index];

    /// <summary>Byte offset of a loaded section inside its segment (bss: inside the bss).</summary>
    public int OffsetOf(ElfSection section) => _offsets[section.Index];

    /// <summary>Index of the first instruction of an executable section.</summary>
    public int FirstInstructionOf(ElfSection section) => _offsets[section.Index] / Opcodes.InstructionSize;

    /// <summary>VM address of byte <paramref name="offset"/> of a rodata, data or bss section.</summary>
    public ulong AddressOf(ElfSection section, ulong offset) => SegmentBase(RoleOf(section)) + (ulong)OffsetOf(section) + offset;

    /// <summary>VM address of a COMMON symbol.</summary>
    public ulong AddressOfCommon(ElfSymbol symbol) => SegmentBase(SectionRole.Bss) + (ulong)_commonOffsets[symbol.Index];

    public static ImageLayout Plan(ElfFile elf)
    {
        var roles = new SectionRole[elf.Sections.Count];
        var offsets = new int[elf.Sections.Count];
        var text = new SegmentPlanner("the text", ImageCodec.MaxTextBytes);
        var rodata = new SegmentPlanner("the rodata", ImageCodec.MaxSectionBytes);
        var data = new SegmentPlanner("the data", ImageCodec.MaxSectionBytes);
        var bss = new SegmentPlanner("the bss", ImageCodec.MaxSectionBytes);
        foreach (ElfSection section in elf.Sections)
        {
            SectionRole role = SectionClassifier.Classify(section);
            roles[section.Index] = role;
            string what = "section " + section.Describe();
            switch (role)
            {
                case SectionRole.Text:
                    if (section.Size % (ulong)Opcodes.InstructionSize != 0)
                    {
                        throw new ToolchainException("executable " + what + " has " + section.Size
                            + " bytes, not a multiple of 8");
                    }
                    offsets[section.Index] = text.Place(section.Size, (ulong)Opcodes.InstructionSize, what);
                    break;
                case SectionRole.Rodata:
                    offsets[section.Index] = rodata.Place(section.Size, section.Alignment, what);
                    break;
                case SectionRole.Data:
                    offsets[section.Index] = data.Place(section.Size, section.Alignment, what);
                    break;
                case SectionRole.Bss:
                    offsets[section.Index] = bss.Place(section.Size, section.Alignment, what);
                    break;
            }
        }
        var commons = new Dictionary<int, int>();
        foreach (ElfSymbol symbol in elf.Symbols)
        {
            if (symbol.IsCommon)
            {
                // For COMMON symbols st_value holds the alignment.
                commons[symbol.Index] = bss.Place(symbol.Size, symbol.Value, "common symbol '" + symbol.Name + "'");
            }
        }
        int dataBytes = bss.Length == 0 ? data.Length : SegmentPlanner.AlignUp(data.Length, Math.Max(MinBssAlignment, bss.Alignment));
        if (dataBytes + bss.Length > ImageCodec.MaxSectionBytes)
        {
            throw new ToolchainException("data (" + dataBytes + " bytes) and bss (" + bss.Length + " bytes) together exceed the image limit of "
                + ImageCodec.MaxSectionBytes + " bytes");
        }
        if (text.Length == 0)
        {
            throw new ToolchainException("the object has no code (no executable section with instructions)");
        }
        return new ImageLayout(roles, offsets, commons, text.Length, rodata.Length, dataBytes, bss.Length);
    }

    private ulong SegmentBase(SectionRole role) => role switch
    {
        SectionRole.Rodata => MemoryRegion.RodataBase,
        SectionRole.Data => MemoryRegion.DataBase,
        SectionRole.Bss => MemoryRegion.DataBase + (ulong)DataBytes,
        _ => throw new InvalidOperationException("no address for " + role),
    };
}
