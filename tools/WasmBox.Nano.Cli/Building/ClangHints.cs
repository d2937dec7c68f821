using System.Text.RegularExpressions;

namespace WasmBox.Nano.Cli.Building;

/// <summary>
/// Puts a sentence with the fix before the clang failures a tenant meets first: signed division
/// (eBPF before v4 has none) and libc headers (an eBPF function has no C library).
/// </summary>
internal static partial class ClangHints
{
    public const string SignedDivision = "signed division or remainder (/ or % on int, long, int64_t...) does not exist in eBPF v3:"
        + " use unsigned types for / and % (uint32_t, uint64_t), dividing the magnitudes and restoring the sign yourself";

    public const string LibcHeader = "an eBPF function has no C library, so <{0}> cannot be included:"
        + " use wasmbox.h (wbx_memcpy, wbx_print, ...) and the compiler's __builtin_memset / __builtin_memcpy";

    /// <summary>The hint for <paramref name="clangMessage"/> followed by clang's own text, or the text alone.</summary>
    public static string Explain(string clangMessage)
    {
        if (clangMessage.Contains("signed division", StringComparison.OrdinalIgnoreCase))
            return SignedDivision + "\n" + clangMessage;
        Match header = LibcInclude().Match(clangMessage);
        return header.Success ? string.Format(LibcHeader, header.Groups[1].Value) + "\n" + clangMessage : clangMessage;
    }

    /// <summary>A failure inside a system header: "In file included from f.c:1:\n/usr/include/string.h:...".</summary>
    [GeneratedRegex(@"In file included from [^\n]*\n/usr/include/([\w./-]+\.h)")]
    private static partial Regex LibcInclude();
}
