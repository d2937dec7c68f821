using WasmBox.Nano.Bundle;
using WasmBox.Nano.Toolchain.Elf;
using WasmBox.Nano.Toolchain.Linking;

namespace WasmBox.Nano.Toolchain.Tests.Support;

/// <summary>
/// The central check of the C tests: clang's eBPF object, linked and verified, run in the VM,
/// gives the same results as the same C built natively with gcc, over a sequence of calls
/// (globals keep their values between calls on both sides).
/// </summary>
internal static class CrossCheck
{
    public static FunctionImage Link(string code, string? entry = null) => Linker.Link(CSource.CompileBpf(code), entry);

    public static string[] SectionNames(string code) =>
        ElfFile.Parse(CSource.CompileBpf(code)).Sections.Select(s => s.Name).ToArray();

    public static void SameAsNative(string code, string entry, IReadOnlyList<ulong[]> contexts, FunctionImage? image = null)
    {
        image ??= Link(code, entry);
        FunctionBuilder.VerifiedHelperIds(image);
        ulong[] expected = CSource.RunNative(code, entry, contexts);
        ulong[] actual = ImageRunner.RunAll(image, entry, contexts);
        Assert.Equal(contexts.Count, expected.Length);
        Assert.Equal(expected, actual);
    }

    /// <summary>A fixed spread of contexts: small, large and mixed words.</summary>
    public static readonly ulong[][] Contexts =
    [
        [0, 0, 0, 0],
        [1, 2, 3, 4],
        [7, 100, 65535, 9],
        [12345, 0xffffffffUL, 3, 0],
        [0xdeadbeefcafeUL, 42, 0x8000000000000000UL, 17],
        [31, 63, 5, 1],
    ];
}
