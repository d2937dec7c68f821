namespace WasmBox.Nano.Bench;

/// <summary>
/// Timings of one benchmark. The per-run figures come from the median batch; the best
/// batch is kept too because other load on the machine only ever makes a batch slower, and
/// so is the thread's CPU time over all batches (null where the OS does not report it).
/// </summary>
public sealed record BenchmarkResult(
    string Name,
    int InstructionsPerRun,
    int ProgramInstructions,
    int Batches,
    long RunsPerBatch,
    double MedianNanosecondsPerRun,
    double BestNanosecondsPerRun,
    double? CpuNanosecondsPerRun,
    double BytesAllocatedPerRun)
{
    public double NanosecondsPerInstruction => MedianNanosecondsPerRun / InstructionsPerRun;

    public double MillionInstructionsPerSecond => 1000.0 / NanosecondsPerInstruction;

    public double MicrosecondsPerRun => MedianNanosecondsPerRun / 1000.0;

    public double BestNanosecondsPerInstruction => BestNanosecondsPerRun / InstructionsPerRun;

    public double? CpuNanosecondsPerInstruction => CpuNanosecondsPerRun / InstructionsPerRun;
}
