using Microsoft.CodeAnalysis;

namespace WasmBox.Nano.Gate;

/// <summary>
/// The nanoFramework compatibility gate: compiles device projects against the facades, in ProjectReference
/// order, and checks that each project lists every source file in its folder.
/// </summary>
internal sealed class Gate(FacadeLibrary facades, string displayRoot)
{
    /// <summary>Top-level folders that hold device code (design page, section 2).</summary>
    public static readonly string[] DeviceFolders = ["src", "firmware", "nftests"];

    static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "packages" };

    public static Gate ForRepository(string repoRoot) =>
        new(new FacadeLibrary(Path.Combine(repoRoot, "tools", "facades")), Path.GetFullPath(repoRoot));

    public static IReadOnlyList<string> DiscoverProjects(string repoRoot)
    {
        var found = new List<string>();
        foreach (var folder in DeviceFolders.Select(f => Path.Combine(repoRoot, f)).Where(Directory.Exists))
            Collect(folder, found);
        return found;

        static void Collect(string dir, List<string> found)
        {
            found.AddRange(Directory.GetFiles(dir, "*.nfproj").Select(Path.GetFullPath).Order(StringComparer.Ordinal));
            foreach (var sub in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
                if (!SkippedFolders.Contains(Path.GetFileName(sub))) Collect(sub, found);
        }
    }

    public IReadOnlyList<ProjectResult> CheckRepository(string repoRoot) => CheckProjects(DiscoverProjects(repoRoot));

    /// <summary>Checks the projects (and the projects they reference), dependencies first.</summary>
    public IReadOnlyList<ProjectResult> CheckProjects(IEnumerable<string> projectFiles)
    {
        var graph = ProjectGraph.Load(projectFiles);
        var outputs = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
        var results = new List<ProjectResult>();
        foreach (var path in graph.Order)
        {
            var display = DisplayPath.Relative(displayRoot, path);
            if (graph.Problems.TryGetValue(path, out var problem))
            {
                results.Add(new ProjectResult(display, 0, [GateDiagnostic.ForFile(display, "NF0004", problem)]));
                continue;
            }
            var project = graph.Projects[path];
            var (result, output) = CheckProject(project, display, outputs);
            outputs[path] = output;
            results.Add(result);
        }
        return results;
    }

    (ProjectResult, MetadataReference) CheckProject(NfProject project, string display, Dictionary<string, MetadataReference> outputs)
    {
        var errors = SourceListCheck.Check(project, displayRoot).ToList();
        var references = new List<MetadataReference>();
        foreach (var name in project.References)
        {
            try
            {
                references.Add(facades.Get(name));
            }
            catch (FacadeException e)
            {
                errors.Add(GateDiagnostic.ForFile(display, "NF0005", e.Message));
            }
        }
        // ProjectGraph orders references first and reports unloadable ones as problems of this project.
        references.AddRange(project.ProjectReferences.Where(outputs.ContainsKey).Select(p => outputs[p]));

        var compiled = NanoCompiler.Compile(project.AssemblyName, project.OutputKind, project.LanguageVersion,
            project.PreprocessorSymbols, project.CompileItems.Where(File.Exists), references);
        errors.AddRange(compiled.Errors.Select(d => GateDiagnostic.FromRoslyn(d, displayRoot)));
        // Dependents compile against this project's compilation even when it has errors, so they are checked too.
        return (new ProjectResult(display, project.CompileItems.Count, errors), compiled.Compilation.ToMetadataReference());
    }

    /// <summary>Compiles one file as a library against mscorlib only (used by CI to prove the gate bites).</summary>
    public ProjectResult CheckFile(string path)
    {
        var display = DisplayPath.Relative(displayRoot, Path.GetFullPath(path));
        if (!File.Exists(path)) return new ProjectResult(display, 0, [GateDiagnostic.ForFile(display, "NF0002", "file does not exist")]);
        var compiled = NanoCompiler.Compile(Path.GetFileNameWithoutExtension(path), OutputKind.DynamicallyLinkedLibrary,
            NfProjectReader.DeviceDefaultLanguageVersion, [], [path], [facades.Get(FacadeLibrary.CoreLibrary)]);
        return new ProjectResult(display, 1, compiled.Errors.Select(d => GateDiagnostic.FromRoslyn(d, displayRoot)).ToList());
    }
}
