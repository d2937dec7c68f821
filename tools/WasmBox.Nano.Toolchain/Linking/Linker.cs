using WasmBox.Nano.Bundle;
using WasmBox.Nano.Toolchain.Elf;

namespace WasmBox.Nano.Toolchain.Linking;

/// <summary>
/// Links one eBPF relocatable object into a <see cref="FunctionImage"/>: places the sections
/// (<see cref="ImageLayout"/>), copies their bytes, resolves relocations against the VM memory
/// map and lists the entry points.
/// </summary>
public static class Linker
{
    /// <summary>Links the ELF object in <paramref name="elf"/>; <paramref name="entry"/> names the first entry point (null: default).</summary>
    public static FunctionImage Link(byte[] elf, string? entry = null) => Link(ElfFile.Parse(elf), entry);

    public static FunctionImage Link(ElfFile elf, string? entry = null)
    {
        ImageLayout layout = ImageLayout.Plan(elf);
        var segments = new ImageSegments(elf, layout);
        new Relocator(elf, layout, segments).ApplyAll();
        EntryPoint[] entries = EntryPointCollector.Collect(elf, layout, entry);
        return new FunctionImage(segments.Text, segments.Rodata, segments.Data, layout.BssBytes, entries);
    }
}
