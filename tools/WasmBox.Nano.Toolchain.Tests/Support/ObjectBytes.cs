using System.Buffers.Binary;
using WasmBox.Nano.Toolchain.Elf;

namespace WasmBox.Nano.Toolchain.Tests.Support;

/// <summary>Real clang objects and precise patches to them, for the ELF reader's refusal tests.</summary>
internal static class ObjectBytes
{
    public const string Simple = """
        const char *greeting = "hello";
        unsigned long counter;
        __attribute__((noinline)) unsigned long twice(unsigned long x) { return 2 * x; }
        unsigned long run(unsigned long *ctx) { counter++; return twice(ctx[0]) + greeting[ctx[1] & 3] + counter; }
        """;

    private static readonly Lazy<byte[]> SimpleObject = new(() => CSource.CompileBpf(Simple));

    /// <summary>A fresh copy of the compiled <see cref="Simple"/> program.</summary>
    public static byte[] Compiled()
    {
        ExternalTools.RequireClang();
        return (byte[])SimpleObject.Value.Clone();
    }

    /// <summary>File offset of the section header of the section called <paramref name="name"/>.</summary>
    public static int SectionHeader(byte[] elf, string name)
    {
        int index = ElfFile.Parse(elf).Sections.Single(s => s.Name == name).Index;
        return (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28)) + index * 64;
    }

    /// <summary>File offset of a section's contents.</summary>
    public static int SectionContents(byte[] elf, string name) =>
        (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(SectionHeader(elf, name) + 0x18));
}
