namespace WasmBox.Nano.Toolchain.Linking;

/// <summary>BPF relocation types (LLVM's ELFRelocs/BPF.def).</summary>
internal static class RelocationType
{
    public const uint None = 0;
    public const uint Lddw64 = 1;
    public const uint Abs64 = 2;
    public const uint Abs32 = 3;
    public const uint NoDyld32 = 4;
    public const uint Call32 = 10;

    public static string Name(uint type) => type switch
    {
        None => "R_BPF_NONE",
        Lddw64 => "R_BPF_64_64",
        Abs64 => "R_BPF_64_ABS64",
        Abs32 => "R_BPF_64_ABS32",
        NoDyld32 => "R_BPF_64_NODYLD32",
        Call32 => "R_BPF_64_32",
        _ => "unknown relocation type",
    };
}
