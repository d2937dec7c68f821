using System.Text.Json;

namespace WasmBox.Nano.NanoClr;

/// <summary>
/// <c>bench [--callgrind [--no-timing]] [--only NAME] [--json]</c>: the device figures on nanoCLR (Release device build): eBPF instructions
/// per second and µs per run of each tools/bench kernel, ms per ES256 verify and per SHA-256 of 4 KiB; with
/// --callgrind also x86 instructions per eBPF instruction and per ES256 verify (stable, unlike wall time on a
/// shared machine); --no-timing leaves out the timed runs and prints only the callgrind figures; --only measures one
/// kernel, es256 or sha256-4k (minutes instead of many under callgrind).
/// </summary>
internal static class BenchCommand
{
    public static int Run(string repositoryRoot, bool callgrind, bool json, bool timing = true, string? only = null)
    {
        var kit = NanoClrKit.Find(repositoryRoot, out var missing);
        if (kit == null)
        {
            Console.Error.WriteLine("nanoclr: error: " + missing);
            return 2;
        }
        var benchmarks = new DeviceBenchmarks(kit, repositoryRoot);
        if (only != null && !benchmarks.Names.Contains(only))
        {
            Console.Error.WriteLine($"nanoclr: error: --only {only}: no such measurement (one of {string.Join(", ", benchmarks.Names)})");
            return 2;
        }
        bool Selected(string name) => only == null || only == name;
        void Progress(string step) => Console.Error.WriteLine(step + " ...");
        IReadOnlyList<DeviceMeasurement> timed = [];
        IReadOnlyList<CallgrindMeasurement> counted = [];
        try
        {
            if (timing) timed = benchmarks.Measure(verifyRuns: 20, Selected, Progress);
            if (callgrind) counted = benchmarks.Callgrind(Selected, Progress);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine("nanoclr: error: " + e.Message);
            return 1;
        }
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { runtime = "nanoCLR (POSIX, x86-64), Release device build", timed, callgrind = counted }));
            return 0;
        }
        Console.WriteLine("nanoCLR on x86-64 (POSIX build), Release device build; wall time includes nothing but the loop");
        Console.WriteLine($"{"program",-12} {"instr/run",10} {"runs",6} {"µs/run",10} {"ns/instr",9} {"M instr/s",10} {"x86/instr",10}");
        foreach (var m in timed.Where(m => m.Instructions > 0))
        {
            double usPerRun = m.Milliseconds * 1000.0 / m.Runs;
            double nsPerInstruction = m.Milliseconds * 1e6 / m.Instructions;
            var cg = counted.FirstOrDefault(c => c.Name == m.Name);
            Console.WriteLine($"{m.Name,-12} {m.Instructions / m.Runs,10:N0} {m.Runs,6} {usPerRun,10:N1} {nsPerInstruction,9:N1} {1000.0 / nsPerInstruction,10:N2} {(cg == null ? "-" : cg.X86PerEbpfInstruction.ToString("N0")),10}");
        }
        if (!timing)
            foreach (var cg in counted.Where(c => c.InstructionsPerRun > 0))
                Console.WriteLine($"{cg.Name,-12} {cg.InstructionsPerRun,10:N0} {"-",6} {"-",10} {"-",9} {"-",10} {cg.X86PerEbpfInstruction,10:N0}");
        foreach (var m in timed.Where(m => m.Instructions == 0))
            Console.WriteLine($"{m.Name,-12} {m.Milliseconds / (double)m.Runs,10:N2} ms per {(m.Name == "es256" ? "verify" : "hash")} ({m.Runs} runs)");
        foreach (var cg in counted.Where(c => c.InstructionsPerRun == 0))
            Console.WriteLine($"{cg.Name,-12} {cg.X86PerRun / 1e6,10:N1} M x86 instructions per verify (callgrind, {cg.ManyRuns} minus {cg.FewRuns} verifies)");
        if (callgrind)
            Console.WriteLine("x86/instr: callgrind's instruction count for 3n runs minus n runs, divided by the eBPF instructions of 2n runs");
        return 0;
    }
}
