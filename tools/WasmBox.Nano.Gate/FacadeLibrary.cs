using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace WasmBox.Nano.Gate;

/// <summary>A reference the gate cannot satisfy, or a facade that does not compile.</summary>
internal sealed class FacadeException(string message) : Exception(message);

/// <summary>
/// Compiles each facade folder (tools/facades/&lt;AssemblyName&gt;) once, on first use, into an in-memory
/// reference assembly: mscorlib with no references at all, every other facade against mscorlib plus the
/// facades its <see cref="ReferencesFile"/> names (the assemblies the real package's own project references,
/// e.g. System.IO.FileSystem's FileStream derives from System.IO.Streams' Stream).
/// </summary>
internal sealed class FacadeLibrary(string facadesDirectory)
{
    public const string CoreLibrary = "mscorlib";

    /// <summary>Optional file in a facade folder: one referenced assembly name per line, '#' starts a comment.</summary>
    public const string ReferencesFile = "facade.references";

    readonly Dictionary<string, MetadataReference> compiled = new(StringComparer.Ordinal);
    readonly Lock gate = new();

    public string FacadesDirectory { get; } = Path.GetFullPath(facadesDirectory);

    public MetadataReference Get(string assemblyName)
    {
        lock (gate) return GetLocked(assemblyName, []);
    }

    /// <param name="pending">Facades whose compilation is waiting for this one, to report a reference cycle.</param>
    MetadataReference GetLocked(string assemblyName, List<string> pending)
    {
        if (compiled.TryGetValue(assemblyName, out var reference)) return reference;
        if (pending.Contains(assemblyName))
            throw new FacadeException($"facade reference cycle: {string.Join(" -> ", pending)} -> {assemblyName}");
        var folder = Path.Combine(FacadesDirectory, assemblyName);
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
            throw new FacadeException($"no facade for {assemblyName}: add tools/facades/{assemblyName} mirroring the real package");

        pending.Add(assemblyName);
        var references = assemblyName == CoreLibrary
            ? []
            : new[] { CoreLibrary }.Concat(ReadReferences(folder, assemblyName)).Distinct(StringComparer.Ordinal)
                .Select(name => GetLocked(name, pending)).ToList();
        pending.RemoveAt(pending.Count - 1);
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

    static IEnumerable<string> ReadReferences(string folder, string assemblyName)
    {
        var path = Path.Combine(folder, ReferencesFile);
        if (!File.Exists(path)) return [];
        var names = File.ReadAllLines(path)
            .Select(line => (line.Contains('#') ? line[..line.IndexOf('#')] : line).Trim())
            .Where(line => line.Length > 0)
            .ToList();
        var bad = names.FirstOrDefault(n => n.Any(char.IsWhiteSpace) || n.Contains(','));
        if (bad != null)
            throw new FacadeException($"facade {assemblyName}: {ReferencesFile} line '{bad}' is not an assembly name");
        return names;
    }
}
