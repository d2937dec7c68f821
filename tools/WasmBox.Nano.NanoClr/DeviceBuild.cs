using WasmBox.Nano.Gate;

namespace WasmBox.Nano.NanoClr;

/// <summary>A test assembly ready for nanoCLR: its name for reports and its .pe.</summary>
internal sealed record DeviceSuite(string Name, string Pe);

/// <summary>What one configuration's build produced: libraries in load order, and the test suites.</summary>
internal sealed record DeviceBuildResult(IReadOnlyList<string> LibraryPes, IReadOnlyList<DeviceSuite> Suites, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Builds device projects as the nanoFramework build does — C# 7.3, no standard library, the real mscorlib
/// 1.17.11 and the kit's real TestFramework, Debug or Release — through the gate, then converts every
/// assembly to .pe with the kit's MetadataProcessor.
/// </summary>
internal sealed class DeviceBuild(NanoClrKit kit, string repositoryRoot)
{
    const string TestAssemblyName = "NFUnitTest";
    static readonly TimeSpan ConversionTimeout = TimeSpan.FromMinutes(3);

    public DeviceBuildResult Build(DeviceConfiguration configuration, IEnumerable<string> projects, string outputDirectory)
    {
        if (Directory.Exists(outputDirectory)) Directory.Delete(outputDirectory, recursive: true);
        var gate = new Gate.Gate(new FacadeLibrary(Path.Combine(repositoryRoot, "tools", "facades"), kit.TestAssemblies),
            repositoryRoot, configuration);
        var built = gate.Build(projects, outputDirectory);
        var errors = built.Where(b => b.AssemblyPath == null)
            .Select(b => b.Result.Ok ? b.Result.DisplayPath + ": not built" : string.Join(Environment.NewLine, b.Result.Errors.Select(e => e.ToString())))
            .ToList();
        if (errors.Count > 0) return new DeviceBuildResult([], [], errors);

        var libraries = built.Select(b => b.AssemblyPath!).Where(p => Path.GetFileNameWithoutExtension(p) != TestAssemblyName).ToList();
        var hints = new List<string> { "--hint", "nanoFramework.TestFramework=" + kit.TestFrameworkDll, "--hint", "nanoFramework.UnitTestLauncher=" + kit.LauncherExe };
        var failure = Convert([.. hints, .. libraries]);
        if (failure != null) return new DeviceBuildResult([], [], [failure]);

        foreach (var library in libraries) hints.AddRange(["--hint", Path.GetFileNameWithoutExtension(library) + "=" + library]);
        var suites = new List<DeviceSuite>();
        var tests = built.Select(b => b.AssemblyPath!).Where(p => Path.GetFileNameWithoutExtension(p) == TestAssemblyName).ToList();
        // One conversion per suite: every suite is called NFUnitTest, so they cannot be hints to each other.
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(tests, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, test =>
        {
            if (Convert([.. hints, test]) is { } f) failures.Add(f);
        });
        if (!failures.IsEmpty) return new DeviceBuildResult([], [], failures.ToList());
        foreach (var test in tests)
            suites.Add(new DeviceSuite(Path.GetFileName(Path.GetDirectoryName(test)!), Path.ChangeExtension(test, ".pe")));
        return new DeviceBuildResult(libraries.Select(l => Path.ChangeExtension(l, ".pe")).ToList(), suites, []);
    }

    /// <summary>Runs to-pe; null on success, else what went wrong.</summary>
    string? Convert(IReadOnlyList<string> arguments)
    {
        var outcome = ExternalProcess.Run(kit.ToPe, ["--mscorlib", CoreLibraryPackage.MscorlibDll, .. arguments], ConversionTimeout);
        if (outcome.TimedOut) return $"to-pe did not finish within {ConversionTimeout.TotalMinutes} minutes";
        return outcome.ExitCode == 0 ? null : "to-pe failed: " + outcome.Output.Trim();
    }
}
