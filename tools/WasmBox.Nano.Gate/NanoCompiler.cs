using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WasmBox.Nano.Gate;

/// <summary>Compiles device sources with no standard library, against facades and other gate outputs only.</summary>
internal static class NanoCompiler
{
    public static readonly CSharpParseOptions FacadeParseOptions = new(LanguageVersion.Latest);

    public sealed record Result(CSharpCompilation Compilation, IReadOnlyList<Diagnostic> Errors);

    /// <summary>
    /// Compiles <paramref name="sourceFiles"/>; errors are the compiler's plus the nanoFramework subset rules.
    /// Warnings are not fatal: the device build does not treat them as errors either.
    /// </summary>
    public static Result Compile(string assemblyName, OutputKind outputKind, LanguageVersion languageVersion,
        IEnumerable<string> preprocessorSymbols, IEnumerable<string> sourceFiles, IEnumerable<MetadataReference> references,
        DeviceConfiguration configuration = DeviceConfiguration.Debug)
    {
        var parseOptions = new CSharpParseOptions(languageVersion, preprocessorSymbols: preprocessorSymbols);
        var trees = sourceFiles.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, f)).ToList();
        // No standard library: the only references are the ones passed in (the device build sets NoStdLib).
        var compilation = CSharpCompilation.Create(assemblyName, trees, references,
            new CSharpCompilationOptions(outputKind, allowUnsafe: false,
                optimizationLevel: configuration == DeviceConfiguration.Release ? OptimizationLevel.Release : OptimizationLevel.Debug));
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Concat(trees.SelectMany(t => NanoSubsetRules.Check(compilation, t)))
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToList();
        return new Result(compilation, errors);
    }
}
