using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace WasmBox.Nano.Gate;

/// <summary>A reference the gate cannot satisfy, or a facade that does not compile.</summary>
internal sealed class FacadeException(string message) : Exception(message);

/// <summary>
/// The references device code compiles against. mscorlib is always the real one (NuGet
/// nanoFramework.CoreLibrary 1.17.11, see <see cref="CoreLibraryPackage"/>); any other assembly given in
/// <c>realAssemblies</c> (name → .dll path, e.g. the nanoCLR kit's TestFramework) is used as it is. Every
/// other name is a facade folder (tools/facades/&lt;AssemblyName&gt;), compiled once, on first use, into an
/// in-memory reference assembly against mscorlib plus the assemblies its <see cref="ReferencesFile"/> names
/// (those the real package's own project references, e.g. System.IO.FileSystem's FileStream derives from
/// System.IO.Streams' Stream).
/// </summary>
internal sealed class FacadeLibrary
{
    public const string CoreLibrary = "mscorlib";

    /// <summary>Optional file in a facade folder: one referenced assembly name per line, '#' starts a comment.</summary>
    public const string ReferencesFile = "facade.references";

    readonly Dictionary<string, MetadataReference> compiled = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> realAssemblies = new(StringComparer.Ordinal);
    readonly Lock gate = new();

    /// <param name="realAssemblies">Real assemblies by name that take the place of facades of the same name.</param>
    public FacadeLibrary(string facadesDirectory, IReadOnlyDictionary<string, string>? realAssemblies = null)
    {
        FacadesDirectory = Path.GetFullPath(facadesDirectory);
        this.realAssemblies[CoreLibrary] = CoreLibraryPackage.MscorlibDll;
        foreach (var (name, path) in realAssemblies ?? new Dictionary<string, string>()) this.realAssemblies[name] = Path.GetFullPath(path);
    }

    public string FacadesDirectory { get; }

    /// <summary>The file behind a real (not facade) reference, or null for a facade.</summary>
    public string? RealAssemblyPath(string assemblyName) => realAssemblies.GetValueOrDefault(assemblyName);

    public MetadataReference Get(string assemblyName)
    {
        lock (gate) return GetLocked(assemblyName, []);
    }

    /// <param name="pending">Facades whose compilation is waiting for this one, to report a reference cycle.</param>
    MetadataReference GetLocked(string assemblyName, List<string> pending)
    {
        if (compiled.TryGetValue(assemblyName, out var reference)) return reference;
        if (realAssemblies.TryGetValue(assemblyName, out var realPath))
        {
            if (!File.Exists(realPath)) throw new FacadeException($"{assemblyName}: {realPath} does not exist");
            return compiled[assemblyName] = MetadataReference.CreateFromFile(realPath);
        }
        if (pending.Contains(assemblyName))
            throw new FacadeException($"facade reference cycle: {string.Join(" -> ", pending)} -> {assemblyName}");
        var folder = Path.Combine(FacadesDirectory, assemblyName);
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
            throw new FacadeException($"no facade for {assemblyName}: add tools/facades/{assemblyName} mirroring the real package");

        pending.Add(assemblyName);
        var references = new[] { CoreLibrary }.Concat(ReadReferences(folder, assemblyName)).Distinct(StringComparer.Ordinal)
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
