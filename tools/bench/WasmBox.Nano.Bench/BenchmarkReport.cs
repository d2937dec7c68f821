using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WasmBox.Nano.Bench;

/// <summary>Renders a suite's results as a text table or as JSON.</summary>
public static class BenchmarkReport
{
    public static string Text(MachineInfo machine, string origin, IReadOnlyList<BenchmarkResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"machine: {machine.Cpu}, {machine.LogicalCores} logical cores, {machine.Os}");
        text.AppendLine(CultureInfo.InvariantCulture, $"runtime: {machine.Runtime}{(machine.VmJitOptimized ? "" : "  WARNING: Debug build of the VM, JIT optimiser off; use -c Release")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"programs: {origin}");
        text.AppendLine();
        text.AppendLine("program      instr/run   ns/instr   M instr/s    µs/run   best ns/instr   cpu ns/instr   alloc B/run   runs");
        foreach (BenchmarkResult r in results)
        {
            text.AppendLine(string.Format(CultureInfo.InvariantCulture,
                "{0,-10} {1,11:N0} {2,10:F2} {3,11:F1} {4,9:F2} {5,15:F2} {6,14} {7,13:0.##} {8,6}",
                r.Name, r.InstructionsPerRun, r.NanosecondsPerInstruction, r.MillionInstructionsPerSecond,
                r.MicrosecondsPerRun, r.BestNanosecondsPerInstruction,
                r.CpuNanosecondsPerInstruction?.ToString("F2", CultureInfo.InvariantCulture) ?? "n/a", r.BytesAllocatedPerRun,
                r.Batches + "x" + r.RunsPerBatch));
        }
        text.AppendLine();
        text.Append("median of the timed batches; best = fastest batch; cpu = thread CPU time over all batches (ignores other load);\n"
            + "alloc = managed bytes per run on the running thread");
        return text.ToString();
    }

    public static string Json(MachineInfo machine, string origin, IReadOnlyList<BenchmarkResult> results) =>
        JsonSerializer.Serialize(new
        {
            machine,
            programs = origin,
            results = results.Select(r => new
            {
                name = r.Name,
                instructionsPerRun = r.InstructionsPerRun,
                programInstructions = r.ProgramInstructions,
                batches = r.Batches,
                runsPerBatch = r.RunsPerBatch,
                nanosecondsPerInstruction = r.NanosecondsPerInstruction,
                millionInstructionsPerSecond = r.MillionInstructionsPerSecond,
                microsecondsPerRun = r.MicrosecondsPerRun,
                bestNanosecondsPerInstruction = r.BestNanosecondsPerInstruction,
                cpuNanosecondsPerInstruction = r.CpuNanosecondsPerInstruction,
                bytesAllocatedPerRun = r.BytesAllocatedPerRun,
            }),
        }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
}
