using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace WasmBox.Nano.Gate;

/// <summary>A reference the gate cannot satisfy, or a facade that does not compile.</summary>
internal sealed class FacadeException(string message) : Exception(message);

/// <summary>
/// Compiles each facade folder (tools/facades/&lt;AssemblyName&gt;) once, on first use, into an in-memory
/// reference assembly: mscorlib with no references at all, every other facade against mscorlib.
/// </summary>
internal sealed class FacadeLibrary(string facadesDirectory)
{
    public const string CoreLibrary = "mscorlib";

    readonly Dictionary<string, MetadataReference> compiled = new(StringComparer.Ordinal);
    readonly Lock gate = new();

    public string FacadesDirectory { get; } = Path.GetFullPath(facadesDirectory);

    public MetadataReference Get(string assemblyName)
    {
        lock (gate) return GetLocked(assemblyName);
    }

    MetadataReference GetLocked(string assemblyName)
    {
        if (compiled.TryGetValue(assemblyName, out var reference)) return reference;
        var folder = Path.Combine(FacadesDirectory, assemblyName);
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
            throw new FacadeException($"no facade for {assemblyName}: add tools/facades/{assemblyName} mirroring the real package");

        var references = assemblyName == CoreLibrary ? [] : new[] { GetLocked(CoreLibrary) };
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), NanoCompiler.FacadeParseOptions, f));
        var compilation = CSharpCompilation.Create(assemblyName, trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = compilation.Emit(image, options: new EmitOptions(metadataOnly: true));
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).Select(d => d.ToString());
            throw new FacadeException($"facade {assemblyName} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }
        reference = MetadataReference.CreateFromImage(image.ToArray(), filePath: assemblyName + ".dll");
        compiled[assemblyName] = reference;
        return reference;
    }
}
