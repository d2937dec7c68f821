using WasmBox.Nano.Toolchain.Elf;

namespace WasmBox.Nano.Toolchain.Linking;

/// <summary>Where a section's bytes go in the image, if anywhere.</summary>
internal enum SectionRole
{
    /// <summary>Not loaded: headers, tables, debug info, BTF, empty sections.</summary>
    Ignored,
    Text,
    Rodata,
    Data,
    Bss,
}

/// <summary>Decides each section's <see cref="SectionRole"/>, refusing what the image cannot hold.</summary>
internal static class SectionClassifier
{
    private const uint ProgBits = 1;

    public static SectionRole Classify(ElfSection section)
    {
        string name = section.Name;
        if (name == "maps" || name == ".maps" || name.StartsWith("maps/", StringComparison.Ordinal)
            || name.StartsWith(".maps.", StringComparison.Ordinal))
        {
            throw new ToolchainException("BPF maps are not supported (section '" + name + "'); use the key-value helpers");
        }
        if (!section.IsAllocated || section.Type == ElfConstants.SectionNull || IsLinuxMetadata(name))
        {
            return SectionRole.Ignored;
        }
        SectionRole role = RoleByName(section);
        if (role == SectionRole.Ignored && section.Size > 0)
        {
            throw new ToolchainException("section " + section.Describe() + " cannot be placed in the image: only executable"
                + " sections, .rodata, .rodata.*, .data, .data.* and .bss are supported");
        }
        bool expectsBits = role != SectionRole.Bss;
        if (role != SectionRole.Ignored && (expectsBits ? section.Type != ProgBits : !section.IsNoBits))
        {
            throw new ToolchainException("section " + section.Describe() + " has type " + section.Type + "; expected "
                + (expectsBits ? "PROGBITS" : "NOBITS"));
        }
        return role;
    }

    public static bool IsDebugInfo(ElfSection section) =>
        section.Name == ".BTF" || section.Name == ".BTF.ext" || section.Name.StartsWith(".debug_", StringComparison.Ordinal);

    private static SectionRole RoleByName(ElfSection section)
    {
        string name = section.Name;
        if (section.IsExecutable)
        {
            return SectionRole.Text;
        }
        if (IsFamily(name, ".rodata"))
        {
            return SectionRole.Rodata;
        }
        if (IsFamily(name, ".data") && !name.StartsWith(".data.rel", StringComparison.Ordinal))
        {
            return SectionRole.Data;
        }
        return IsFamily(name, ".bss") ? SectionRole.Bss : SectionRole.Ignored;
    }

    private static bool IsFamily(string name, string family) =>
        name == family || name.StartsWith(family + ".", StringComparison.Ordinal);

    /// <summary>Linux's "license" and "version" sections mean nothing here; code never reads them.</summary>
    private static bool IsLinuxMetadata(string name) => name == "license" || name == "version";
}
