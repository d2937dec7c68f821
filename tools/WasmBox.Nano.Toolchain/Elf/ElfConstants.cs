namespace WasmBox.Nano.Toolchain.Elf;

/// <summary>The ELF64 values this reader understands (System V gABI, BPF psABI).</summary>
internal static class ElfConstants
{
    public const int HeaderSize = 64;
    public const int SectionHeaderSize = 64;
    public const int SymbolSize = 24;
    public const int RelSize = 16;

    public const byte Class64 = 2;
    public const byte LittleEndian = 1;
    public const byte CurrentVersion = 1;
    public const ushort TypeRelocatable = 1;
    public const ushort MachineBpf = 247;

    public const uint SectionNull = 0;
    public const uint SectionSymtab = 2;
    public const uint SectionStrtab = 3;
    public const uint SectionRela = 4;
    public const uint SectionNoBits = 8;
    public const uint SectionRel = 9;

    public const ulong FlagAlloc = 2;
    public const ulong FlagExecInstr = 4;

    public const ushort SectionUndefined = 0;
    public const ushort SectionReservedStart = 0xff00;
    public const ushort SectionAbsolute = 0xfff1;
    public const ushort SectionCommon = 0xfff2;
    public const ushort SectionExtendedIndex = 0xffff;

    public const byte SymbolFunc = 2;
    public const byte SymbolSection = 3;
    public const byte BindGlobal = 1;
    public const byte BindWeak = 2;

    public static string MachineName(ushort machine) => machine switch
    {
        3 => "x86",
        40 => "ARM",
        62 => "x86-64",
        183 => "AArch64",
        243 => "RISC-V",
        _ => "machine " + machine,
    };

    public static string FileTypeName(ushort type) => type switch
    {
        0 => "no file type",
        2 => "an executable",
        3 => "a shared object",
        4 => "a core dump",
        _ => "file type " + type,
    };
}
