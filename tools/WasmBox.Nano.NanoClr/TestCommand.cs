using WasmBox.Nano.Gate;

namespace WasmBox.Nano.NanoClr;

/// <summary>
/// <c>test</c>: every nftests suite, the bpf_conformance corpus and the Wycheproof vectors on nanoCLR, in
/// Debug and Release. Prints one line per suite and configuration, the corpus verdicts, and a last line
/// <c>nanoclr: N passed, N failed, N skipped</c> that counts every test case.
/// </summary>
internal static class TestCommand
{
    static readonly TimeSpan SuiteTimeout = TimeSpan.FromMinutes(5);

    public static int Run(string repositoryRoot, IReadOnlyList<DeviceConfiguration> configurations, string? filter)
    {
        var kit = NanoClrKit.Find(repositoryRoot, out var missing);
        if (kit == null)
        {
            Console.WriteLine("nanoclr: skipped: " + missing);
            Console.WriteLine("nanoclr: 0 passed, 0 failed, 1 skipped");
            return 0;
        }
        var output = Path.Combine(repositoryRoot, ".test-out", "nanoclr");
        var projects = DeviceProjects.Runnable(repositoryRoot).ToList();
        int conformanceTotal = 0, wycheproofTotal = 0, passed = 0, failed = 0, skipped = 0;

        var generated = Path.Combine(output, "generated");
        if (Directory.Exists(generated)) Directory.Delete(generated, recursive: true);
        if (Conformance.CorpusLocator.FindTestsDirectory() is { } corpus)
        {
            var cases = ConformanceCorpus.InScope(corpus);
            conformanceTotal = cases.Count;
            projects.AddRange(ConformanceCorpus.Generate(cases, repositoryRoot, generated));
        }
        else
        {
            Console.WriteLine("nanoclr: conformance skipped: ../shared/conformance/bpf_conformance/tests not found");
            skipped++;
        }
        if (WycheproofCorpus.Find(repositoryRoot) is { } vectors)
            projects.AddRange(WycheproofCorpus.Generate(vectors, repositoryRoot, generated, out wycheproofTotal));
        else
        {
            Console.WriteLine("nanoclr: wycheproof skipped: ../shared/conformance/wycheproof not found");
            skipped++;
        }

        var runner = new NanoClrRunner(kit);
        foreach (var configuration in configurations)
        {
            string config = configuration.ToString().ToLowerInvariant();
            var build = new DeviceBuild(kit, repositoryRoot).Build(configuration, projects, Path.Combine(output, config));
            if (!build.Ok)
            {
                foreach (var error in build.Errors) Console.WriteLine(error);
                Console.WriteLine($"FAILED: nanoclr {config} build");
                failed++;
                continue;
            }
            var suites = build.Suites.Where(s => filter == null || s.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
            var results = new (LauncherReport Report, ProcessOutcome Outcome)[suites.Count];
            Parallel.For(0, suites.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => results[i] = runner.RunSuite(build, suites[i], SuiteTimeout));

            // Generated chunks of one corpus are reported as one suite.
            foreach (var group in suites.Select((s, i) => (Suite: s, Result: results[i])).GroupBy(x => DisplayName(x.Suite.Name)))
            {
                int p = 0, f = 0, s = 0;
                foreach (var (suite, (report, outcome)) in group)
                {
                    p += report.Passed.Count;
                    f += report.Failed.Count;
                    s += report.Skipped.Count;
                    foreach (var (name, message) in report.Failed.Take(40)) Console.WriteLine($"FAIL nanoclr {config} {name}: {message}");
                    foreach (var (name, reason) in report.Skipped) Console.WriteLine($"SKIP nanoclr {config} {name}: {reason}");
                    if (!report.Done)
                    {
                        f++;
                        string why = outcome.TimedOut ? $"timed out after {SuiteTimeout.TotalMinutes} minutes" : "nanoCLR ended without 'Done.' (crash?)";
                        Console.WriteLine($"FAIL nanoclr {config} {suite.Name}: {why}; last output:");
                        foreach (var line in outcome.Output.TrimEnd().Split('\n').TakeLast(15)) Console.WriteLine("  " + line.TrimEnd());
                    }
                }
                Console.WriteLine($"nanoclr {config} {group.Key}: {p} passed, {f} failed" + (s > 0 ? $", {s} skipped" : ""));
                if (group.Key == "conformance corpus" && filter == null)
                    Console.WriteLine($"nanoclr conformance: {p}/{conformanceTotal} in-scope passed ({config})");
                if (group.Key == "wycheproof corpus" && filter == null)
                    Console.WriteLine($"nanoclr wycheproof: {p}/{wycheproofTotal} vectors with the expected verdict ({config})");
                passed += p;
                failed += f;
                skipped += s;
            }
        }
        Console.WriteLine($"nanoclr: {passed} passed, {failed} failed, {skipped} skipped");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>"WasmBox.Nano.Vm.NfTests" → "Vm"; "conformance-3" → "conformance corpus".</summary>
    static string DisplayName(string suiteFolder)
    {
        if (suiteFolder.StartsWith(ConformanceCorpus.SuitePrefix, StringComparison.Ordinal)) return "conformance corpus";
        if (suiteFolder.StartsWith(WycheproofCorpus.SuitePrefix, StringComparison.Ordinal)) return "wycheproof corpus";
        const string prefix = "WasmBox.Nano.", suffix = ".NfTests";
        return suiteFolder.StartsWith(prefix, StringComparison.Ordinal) && suiteFolder.EndsWith(suffix, StringComparison.Ordinal)
            ? suiteFolder[prefix.Length..^suffix.Length]
            : suiteFolder;
    }
}
