using System.Collections.Concurrent;
using WasmBox.Nano.Toolchain;
using WasmBox.Nano.Toolchain.Compiling;

namespace WasmBox.Nano.Samples.Tests.Support;

/// <summary>
/// Samples compiled with clang through the toolchain library, exactly as `wbx build -I include
/// -I femto` does in build.sh; each sample is built once per test run.
/// </summary>
public static class SampleBuilds
{
    private static readonly ConcurrentDictionary<string, Lazy<BuildResult>> Cache = new();
    private static readonly Lazy<string?> MissingCompiler = new(FindMissingCompiler);

    public static CompileOptions Options { get; } = new([SamplePaths.Include, SamplePaths.FemtoInclude], []);

    /// <summary>Skips the calling test when clang is not installed.</summary>
    public static void RequireClang() => Skip.If(MissingCompiler.Value is not null, MissingCompiler.Value);

    public static BuildResult Build(SampleSpec sample) => Build(sample.Source, sample.Entry);

    /// <summary>Builds tools/samples/<paramref name="source"/> (a tenant function or a policy program).</summary>
    public static BuildResult Build(string source, string entry)
    {
        RequireClang();
        return Cache.GetOrAdd(source + "#" + entry, _ => new Lazy<BuildResult>(() =>
            FunctionBuilder.Build(new BuildRequest(SamplePaths.Source(source), entry, Options, null)))).Value;
    }

    private static string? FindMissingCompiler()
    {
        try
        {
            ClangCompiler.Version();
            return null;
        }
        catch (CompilerMissingException e)
        {
            return "clang is not installed (" + e.Message + "); sample tests need it";
        }
    }
}
