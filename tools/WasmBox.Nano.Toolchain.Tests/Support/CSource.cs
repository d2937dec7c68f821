using WasmBox.Nano.Toolchain.Compiling;

namespace WasmBox.Nano.Toolchain.Tests.Support;

/// <summary>A C program written to a temp folder and compiled with the real clang for eBPF, or with gcc natively.</summary>
internal static class CSource
{
    /// <summary>The eBPF object clang makes of <paramref name="code"/>, with `wbx build`'s flags plus <paramref name="extraFlags"/>.</summary>
    public static byte[] CompileBpf(string code, params string[] extraFlags)
    {
        ExternalTools.RequireClang();
        using var dir = new TempDirectory();
        string source = dir.File("program.c");
        File.WriteAllText(source, code);
        string obj = dir.File("program.o");
        ExternalTools.Run("clang", [.. ClangCompiler.Flags, .. extraFlags, source, "-o", obj]);
        return File.ReadAllBytes(obj);
    }

    /// <summary>
    /// Builds <paramref name="code"/> natively with a harness that calls <paramref name="entry"/> once per
    /// context (four 64-bit words) and returns the printed results.
    /// </summary>
    public static ulong[] RunNative(string code, string entry, IReadOnlyList<ulong[]> contexts)
    {
        ExternalTools.RequireGcc();
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("program.c"), code);
        File.WriteAllText(dir.File("harness.c"), Harness);
        string exe = dir.File("program");
        ExternalTools.Run("gcc", ["-O2", "-Wall", "-Werror", "-DENTRY=" + entry, "-o", exe, dir.File("harness.c"), dir.File("program.c")]);
        IEnumerable<string> args = contexts.SelectMany(c => c.Select(word => word.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return ExternalTools.Run(exe, args).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => ulong.Parse(line, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    private const string Harness = """
        #include <stdio.h>
        #include <stdlib.h>
        unsigned long ENTRY(unsigned long *ctx);
        int main(int argc, char **argv)
        {
            for (int i = 1; i + 3 < argc; i += 4) {
                unsigned long ctx[4];
                for (int j = 0; j < 4; j++) ctx[j] = strtoul(argv[i + j], 0, 10);
                printf("%lu\n", ENTRY(ctx));
            }
            return 0;
        }
        """;
}
