using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using WasmBox.Nano.Bench;
using WasmBox.Nano.Gate;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.NanoClr;

/// <summary>One measurement nanoCLR printed: how many runs, eBPF instructions in total, wall milliseconds.</summary>
internal sealed record DeviceMeasurement(string Name, int Runs, long Instructions, long Milliseconds);

/// <summary>x86 instructions callgrind counted for two run counts of a kernel; their difference per eBPF instruction.</summary>
internal sealed record CallgrindMeasurement(string Name, long InstructionsPerRun, int FewRuns, int ManyRuns, long FewIr, long ManyIr)
{
    public double X86PerEbpfInstruction => (double)(ManyIr - FewIr) / ((long)(ManyRuns - FewRuns) * InstructionsPerRun);

    /// <summary>x86 instructions per run (for the ES256 verify, whose InstructionsPerRun is 0).</summary>
    public double X86PerRun => (double)(ManyIr - FewIr) / (ManyRuns - FewRuns);
}

/// <summary>
/// The device figures: the tools/bench kernels, an ES256 verify and SHA-256 of 4 KiB through the device build
/// (Release) on nanoCLR. Each measurement is a generated program (Main) around Device/DeviceBench.cs, since
/// nanoCLR passes a program no arguments. With callgrind, every kernel runs twice with different run counts
/// so that nanoCLR's start-up and the program's set-up cancel in the difference.
/// </summary>
internal sealed partial class DeviceBenchmarks(NanoClrKit kit, string repositoryRoot)
{
    /// <summary>eBPF instructions one timed kernel measurement aims at (seconds on nanoCLR).</summary>
    const long TimedInstructions = 3_000_000;
    const long CallgrindInstructions = 300_000;
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public IReadOnlyList<Benchmark> Kernels { get; } = BenchmarkManifest.Load(new EmbeddedBenchmarkFiles());

    /// <summary>The names a measurement can be selected by: each kernel, es256 and sha256-4k.</summary>
    public IReadOnlyList<string> Names => [.. Kernels.Select(k => k.Name), Es256, Sha256];

    const string Es256 = "es256", Sha256 = "sha256-4k";

    /// <summary>eBPF instructions per run of each kernel, counted once on the host build of the same VM.</summary>
    public long InstructionsPerRun(Benchmark kernel)
    {
        var helpers = new HelperTable();
        var program = Verifier.Verify(kernel.Program, new VerifierOptions { Helpers = helpers }).Program
            ?? throw new InvalidOperationException($"{kernel.Name} does not verify");
        var vm = new Vm.Vm(program, helpers, null, Vm.Vm.DefaultStackFrames) { InstructionBudget = kernel.InstructionBudget, BranchBudget = kernel.BranchBudget };
        var input = (byte[])kernel.Input.Clone();
        if (input.Length > 0) vm.Memory.Map(new MemoryRegion(MemoryRegion.ContextBase, input, true, true));
        vm.Run(input.Length > 0 ? MemoryRegion.ContextBase : 0, (ulong)input.Length);
        return vm.InstructionCount;
    }

    /// <summary>Times every kernel, the verify and the hash on nanoCLR.</summary>
    public IReadOnlyList<DeviceMeasurement> Measure(int verifyRuns, Func<string, bool> selected, Action<string> progress)
    {
        var calls = new StringBuilder();
        foreach (var kernel in Kernels.Where(k => selected(k.Name)))
            calls.AppendLine(KernelCall(kernel, (int)Math.Max(3, TimedInstructions / InstructionsPerRun(kernel))));
        if (selected(Es256)) calls.AppendLine($"DeviceBench.Es256Verify({verifyRuns});");
        if (selected(Sha256)) calls.AppendLine("DeviceBench.Sha256Of4KiB(100);");
        progress("building the device benchmark (Release)");
        var build = Build([("WbxBench", calls.ToString())]);
        progress("running it on nanoCLR");
        var outcome = new NanoClrRunner(kit).Run(build.LibraryPes, Timeout);
        return Parse(outcome);
    }

    /// <summary>Runs each kernel and the ES256 verify under callgrind with two run counts and returns the x86 instructions counted.</summary>
    public IReadOnlyList<CallgrindMeasurement> Callgrind(Func<string, bool> selected, Action<string> progress)
    {
        var programs = new List<(string Name, string Calls)>();
        var plan = new List<(Benchmark Kernel, long PerRun, int Few, int Many)>();
        foreach (var kernel in Kernels.Where(k => selected(k.Name)))
        {
            long perRun = InstructionsPerRun(kernel);
            int few = (int)Math.Max(1, CallgrindInstructions / perRun);
            plan.Add((kernel, perRun, few, 3 * few));
            programs.Add(($"WbxCg_{kernel.Name}_few", KernelCall(kernel, few)));
            programs.Add(($"WbxCg_{kernel.Name}_many", KernelCall(kernel, 3 * few)));
        }
        const int FewVerifies = 1, ManyVerifies = 3;
        if (selected(Es256))
        {
            programs.Add(("WbxCg_es256_few", $"DeviceBench.Es256Verify({FewVerifies});"));
            programs.Add(("WbxCg_es256_many", $"DeviceBench.Es256Verify({ManyVerifies});"));
        }
        var results = new List<CallgrindMeasurement>();
        if (programs.Count == 0) return results;
        progress("building the callgrind programs (Release)");
        var build = Build(programs);
        foreach (var (kernel, perRun, few, many) in plan)
        {
            progress($"callgrind: {kernel.Name} ({few} and {many} runs)");
            long Ir(string program) => CollectedInstructions(build.LibraryPes.Where(p => !IsOtherProgram(p, program)));
            results.Add(new CallgrindMeasurement(kernel.Name, perRun, few, many, Ir($"WbxCg_{kernel.Name}_few"), Ir($"WbxCg_{kernel.Name}_many")));
        }
        if (!selected(Es256)) return results;
        progress($"callgrind: es256 ({FewVerifies} and {ManyVerifies} verifies)");
        results.Add(new CallgrindMeasurement("es256", 0, FewVerifies, ManyVerifies,
            CollectedInstructions(build.LibraryPes.Where(p => !IsOtherProgram(p, "WbxCg_es256_few"))),
            CollectedInstructions(build.LibraryPes.Where(p => !IsOtherProgram(p, "WbxCg_es256_many")))));
        return results;
    }

    static bool IsOtherProgram(string pe, string program)
    {
        var name = Path.GetFileNameWithoutExtension(pe);
        return name.StartsWith("Wbx", StringComparison.Ordinal) && name != program;
    }

    static string KernelCall(Benchmark k, int runs) =>
        $"DeviceBench.Kernel(\"{k.Name}\", \"{Convert.ToHexStringLower(k.Program)}\", \"{Convert.ToHexStringLower(k.Input)}\", 0x{k.Expected:x}UL, {k.InstructionBudget}, {k.BranchBudget}, {runs});";

    DeviceBuildResult Build(IReadOnlyList<(string Name, string Calls)> programs)
    {
        var output = Path.Combine(repositoryRoot, ".test-out", "nanoclr-bench");
        var projects = new List<string>();
        string[] support =
        [
            Path.Combine(AppContext.BaseDirectory, "Device", "DeviceBench.cs"),
            Path.Combine(AppContext.BaseDirectory, "Device", "HostcallBench.cs"),
            Path.Combine(repositoryRoot, "nftests", "WasmBox.Nano.Crypto.NfTests", "Support", "TestBytes.cs"),
        ];
        string[] references =
        [
            Path.Combine(repositoryRoot, "src", "WasmBox.Nano.Vm", "WasmBox.Nano.Vm.nfproj"),
            Path.Combine(repositoryRoot, "src", "WasmBox.Nano.Crypto", "WasmBox.Nano.Crypto.nfproj"),
            Path.Combine(repositoryRoot, "src", "WasmBox.Nano.Runtime", "WasmBox.Nano.Runtime.nfproj"),
        ];
        foreach (var (name, calls) in programs)
        {
            string source = "namespace WasmBox.Nano.Bench.Device\n{\n    public static class Program\n    {\n        public static void Main()\n        {\n"
                + string.Concat(calls.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(c => "            " + c.Trim() + "\n"))
                + "            System.Console.WriteLine(\"bench done\");\n        }\n    }\n}\n";
            projects.Add(GeneratedSuite.WriteProject(Path.Combine(output, "generated", name), name, "Exe", "WasmBox.Nano.Bench.Device", source, support, references));
        }
        var build = new DeviceBuild(kit, repositoryRoot).Build(DeviceConfiguration.Release, projects, Path.Combine(output, "release"));
        if (!build.Ok) throw new InvalidOperationException("device benchmark build failed:" + Environment.NewLine + string.Join(Environment.NewLine, build.Errors));
        return build;
    }

    static IReadOnlyList<DeviceMeasurement> Parse(ProcessOutcome outcome)
    {
        var errors = outcome.Output.Split('\n').Where(l => l.StartsWith("bench ", StringComparison.Ordinal) && l.Contains(" error=")).ToList();
        if (errors.Count > 0 || outcome.TimedOut || !outcome.Output.Contains("bench done"))
            throw new InvalidOperationException("the device benchmark failed on nanoCLR:" + Environment.NewLine
                + (errors.Count > 0 ? string.Join(Environment.NewLine, errors) : string.Join(Environment.NewLine, outcome.Output.TrimEnd().Split('\n').TakeLast(15))));
        return MeasurementLine().Matches(outcome.Output)
            .Select(m => new DeviceMeasurement(m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture)))
            .ToList();
    }

    long CollectedInstructions(IEnumerable<string> pes)
    {
        var binary = Path.Combine(kit.Folder, "bin", "nanoFramework.nanoCLR.test");
        var environment = new Dictionary<string, string> { ["LD_LIBRARY_PATH"] = Path.Combine(kit.Folder, "bin") };
        var outcome = ExternalProcess.Run("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", binary, CoreLibraryPackage.MscorlibPe, .. pes],
            Timeout, environment);
        var collected = CollectedLine().Match(outcome.Output);
        if (!collected.Success || !outcome.Output.Contains("bench done") || outcome.Output.Contains(" error="))
            throw new InvalidOperationException("callgrind gave no count:" + Environment.NewLine + string.Join(Environment.NewLine, outcome.Output.TrimEnd().Split('\n').TakeLast(15)));
        return long.Parse(collected.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^bench (\S+) runs=(\d+) instructions=(\d+) ms=(\d+) result=0x[0-9a-f]+\r?$", RegexOptions.Multiline)]
    private static partial Regex MeasurementLine();

    [GeneratedRegex(@"Collected\s*:\s*([\d,]+)")]
    private static partial Regex CollectedLine();
}
