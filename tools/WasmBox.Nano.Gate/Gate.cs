using Microsoft.CodeAnalysis;

namespace WasmBox.Nano.Gate;

/// <summary>
/// The nanoFramework compatibility gate: compiles device projects against the real mscorlib and the facades,
/// in ProjectReference order, and checks that each project lists every source file in its folder.
/// <see cref="Build"/> also writes the IL assemblies, as the nanoFramework build does, for nanoCLR to run.
/// </summary>
internal sealed class Gate(FacadeLibrary facades, string displayRoot, DeviceConfiguration configuration = DeviceConfiguration.Debug)
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
    public IReadOnlyList<ProjectResult> CheckProjects(IEnumerable<string> projectFiles) =>
        CompileProjects(projectFiles).Select(c => c.Result).ToList();

    /// <summary>
    /// Checks the projects and writes each one's assembly under <paramref name="outputDirectory"/>:
    /// <c>&lt;AssemblyName&gt;.dll</c> (or <c>.exe</c>), or <c>&lt;project folder&gt;/&lt;AssemblyName&gt;.dll</c> for an
    /// assembly name several of the projects share (every nftests suite is NFUnitTest). Only projects whose
    /// references are all real assemblies are written: a facade holds no code, so nothing built on one can run.
    /// </summary>
    public IReadOnlyList<BuiltProject> Build(IEnumerable<string> projectFiles, string outputDirectory)
    {
        var compiled = CompileProjects(projectFiles);
        var shared = compiled.Where(c => c.Project != null).GroupBy(c => c.Project!.AssemblyName)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var built = new List<BuiltProject>();
        foreach (var c in compiled)
        {
            if (c.Project == null || c.Compilation == null || !c.Result.Ok)
            {
                built.Add(new BuiltProject(c.Result, null));
                continue;
            }
            var facade = c.Project.References.FirstOrDefault(name => facades.RealAssemblyPath(name) == null);
            if (facade != null)
            {
                built.Add(new BuiltProject(c.Result with { Errors = [GateDiagnostic.ForFile(c.Result.DisplayPath, "NF0006",
                    $"references {facade}, which is only a facade here: it can be compiled, not run")] }, null));
                continue;
            }
            var folder = shared.Contains(c.Project.AssemblyName)
                ? Path.Combine(outputDirectory, Path.GetFileName(c.Project.Directory))
                : outputDirectory;
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, c.Project.AssemblyName + (c.Project.OutputKind == OutputKind.ConsoleApplication ? ".exe" : ".dll"));
            using (var stream = File.Create(file))
            {
                var emitted = c.Compilation.Emit(stream);
                if (!emitted.Success)
                {
                    built.Add(new BuiltProject(c.Result with { Errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                        .Select(d => GateDiagnostic.FromRoslyn(d, displayRoot)).ToList() }, null));
                    continue;
                }
            }
            built.Add(new BuiltProject(c.Result, file));
        }
        return built;
    }

    sealed record CompiledProject(ProjectResult Result, NfProject? Project, Compilation? Compilation);

    List<CompiledProject> CompileProjects(IEnumerable<string> projectFiles)
    {
        var graph = ProjectGraph.Load(projectFiles, configuration);
        var outputs = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
        var results = new List<CompiledProject>();
        foreach (var path in graph.Order)
        {
            var display = DisplayPath.Relative(displayRoot, path);
            if (graph.Problems.TryGetValue(path, out var problem))
            {
                results.Add(new CompiledProject(new ProjectResult(display, 0, [GateDiagnostic.ForFile(display, "NF0004", problem)]), null, null));
                continue;
            }
            var project = graph.Projects[path];
            var (result, compilation) = CheckProject(project, display, outputs);
            outputs[path] = compilation.ToMetadataReference();
            results.Add(new CompiledProject(result, project, compilation));
        }
        return results;
    }

    (ProjectResult, Compilation) CheckProject(NfProject project, string display, Dictionary<string, MetadataReference> outputs)
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
            project.PreprocessorSymbols, project.CompileItems.Where(File.Exists), references, configuration);
        errors.AddRange(compiled.Errors.Select(d => GateDiagnostic.FromRoslyn(d, displayRoot)));
        // Dependents compile against this project's compilation even when it has errors, so they are checked too.
        return (new ProjectResult(display, project.CompileItems.Count, errors), compiled.Compilation);
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
