using System.Diagnostics;
using WasmBox.Nano.Vm;
using Interpreter = WasmBox.Nano.Vm.Vm;

namespace WasmBox.Nano.Bench;

/// <summary>
/// Verifies each benchmark, runs it in its own VM with its input mapped read-only at the
/// context base (r1 = address, r2 = length), and times batches of runs. Every run's r0 is
/// checked, and the bytes the thread allocates during the timed batches are counted.
/// </summary>
public sealed class BenchmarkRunner(BenchmarkSettings settings)
{
    /// <summary>Warm-up alternates between the programs in slices this long.</summary>
    private static readonly TimeSpan WarmUpSlice = TimeSpan.FromMilliseconds(25);

    public IReadOnlyList<BenchmarkResult> Run(IReadOnlyList<Benchmark> benchmarks, Action<string>? progress = null)
    {
        var runs = benchmarks.Select(b => new CheckedRun(b)).ToList();
        foreach (CheckedRun run in runs)
        {
            run.Once();
        }
        progress?.Invoke("warming up");
        WarmUp(runs);

        var results = new List<BenchmarkResult>();
        foreach (CheckedRun run in runs)
        {
            progress?.Invoke("timing " + run.Name);
            results.Add(Time(run));
        }
        return results;
    }

    /// <summary>
    /// The interpreter loop is one method shared by all programs, and the JIT optimises it
    /// with a profile of what ran before; alternating the programs during warm-up keeps
    /// that profile from favouring whichever benchmark happens to come first.
    /// </summary>
    private void WarmUp(List<CheckedRun> runs)
    {
        long start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < settings.WarmUp)
        {
            foreach (CheckedRun run in runs)
            {
                run.WarmUpSlice(WarmUpSlice);
            }
        }
    }

    private BenchmarkResult Time(CheckedRun run)
    {
        long runsPerBatch = settings.RunsPerBatch
            ?? Math.Max(1, (long)(settings.BatchTime.TotalNanoseconds / run.WarmUpNanosecondsPerRun));

        var nanosecondsPerRun = new double[settings.Batches];
        long? cpuBefore = ThreadCpuClock.NowNanoseconds();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int batch = 0; batch < settings.Batches; batch++)
        {
            long start = Stopwatch.GetTimestamp();
            run.Many(runsPerBatch);
            nanosecondsPerRun[batch] = Stopwatch.GetElapsedTime(start).TotalNanoseconds / runsPerBatch;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long? cpu = ThreadCpuClock.NowNanoseconds() - cpuBefore;
        long totalRuns = runsPerBatch * settings.Batches;
        Array.Sort(nanosecondsPerRun);

        return new BenchmarkResult(
            run.Name,
            run.Machine.InstructionCount,
            run.Machine.Program.Count,
            settings.Batches,
            runsPerBatch,
            nanosecondsPerRun[settings.Batches / 2],
            nanosecondsPerRun[0],
            (double?)cpu / totalRuns,
            (double)allocated / totalRuns);
    }

    /// <summary>One benchmark loaded into its VM; each run must end with the expected r0.</summary>
    private sealed class CheckedRun
    {
        private readonly Benchmark _benchmark;
        private readonly ulong _inputLength;
        private long _warmUpRuns;
        private double _warmUpNanoseconds;

        public CheckedRun(Benchmark benchmark)
        {
            _benchmark = benchmark;
            _inputLength = (ulong)benchmark.Input.Length;
            var helpers = new HelperTable();
            VerifyResult verdict = Verifier.Verify(benchmark.Program, new VerifierOptions { Helpers = helpers });
            if (!verdict.Ok)
            {
                throw new BenchmarkSetupException($"{benchmark.Name}: the verifier refuses the program: {verdict.Message}");
            }
            Machine = new Interpreter(verdict.Program, helpers, null, Interpreter.DefaultStackFrames)
            {
                InstructionBudget = benchmark.InstructionBudget,
                BranchBudget = benchmark.BranchBudget,
            };
            Machine.Memory.Map(new MemoryRegion(MemoryRegion.ContextBase, benchmark.Input, true, false));
        }

        public string Name => _benchmark.Name;

        public Interpreter Machine { get; }

        public double WarmUpNanosecondsPerRun => _warmUpNanoseconds / Math.Max(_warmUpRuns, 1);

        public void Once()
        {
            VmStatus status = Machine.Run(MemoryRegion.ContextBase, _inputLength);
            if (status != VmStatus.Ok || Machine.Result != _benchmark.Expected)
            {
                throw Failure(status);
            }
        }

        public void Many(long runs)
        {
            for (long i = 0; i < runs; i++)
            {
                Once();
            }
        }

        public void WarmUpSlice(TimeSpan slice)
        {
            long start = Stopwatch.GetTimestamp();
            TimeSpan elapsed;
            do
            {
                Once();
                _warmUpRuns++;
                elapsed = Stopwatch.GetElapsedTime(start);
            }
            while (elapsed < slice);
            _warmUpNanoseconds += elapsed.TotalNanoseconds;
        }

        private BenchmarkFailedException Failure(VmStatus status)
        {
            string name = _benchmark.Name;
            if (status != VmStatus.Ok)
            {
                return new BenchmarkFailedException(
                    $"{name}: run stopped with '{VmStatusText.Describe(status)}' at instruction {Machine.FaultIndex}");
            }
            return new BenchmarkFailedException(
                $"{name}: r0 = 0x{Machine.Result:x}, expected 0x{_benchmark.Expected:x}");
        }
    }
}
