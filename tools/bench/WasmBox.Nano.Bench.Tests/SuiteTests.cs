namespace WasmBox.Nano.Bench.Tests;

/// <summary>The embedded programs run correctly in the VM, and the runner reports what it measured.</summary>
public sealed class SuiteTests
{
    private static readonly BenchmarkSettings Quick = new()
    {
        WarmUp = TimeSpan.Zero,
        Batches = 3,
        RunsPerBatch = 4,
    };

    [Fact]
    public void EmbeddedSuiteListsTheFourPrograms()
    {
        var names = BenchmarkManifest.Load(new EmbeddedBenchmarkFiles()).Select(b => b.Name);

        Assert.Equal(["fletcher32", "bubblesort", "crc32", "arith"], names);
    }

    [Fact]
    public void Fletcher32ExpectsThePublishedRiotChecksum()
    {
        Benchmark fletcher = BenchmarkManifest.Load(new EmbeddedBenchmarkFiles()).Single(b => b.Name == "fletcher32");

        Assert.Equal(0x5bac8c3dUL, fletcher.Expected);
        Assert.Equal(360, fletcher.Input.Length);
    }

    [Fact]
    public void EveryProgramGivesItsExpectedResultWithoutAllocating()
    {
        var benchmarks = BenchmarkManifest.Load(new EmbeddedBenchmarkFiles());

        var results = new BenchmarkRunner(Quick).Run(benchmarks);

        Assert.Equal(benchmarks.Count, results.Count);
        foreach (BenchmarkResult result in results)
        {
            Assert.True(result.InstructionsPerRun > 1000, $"{result.Name}: only {result.InstructionsPerRun} instructions");
            Assert.Equal(0, result.BytesAllocatedPerRun);
            Assert.Equal(OperatingSystem.IsLinux(), result.CpuNanosecondsPerRun > 0);
            Assert.Equal(12, result.Batches * result.RunsPerBatch);
        }
    }

    [Fact]
    public void WrongExpectedResultFailsNamingBothValues()
    {
        Benchmark fletcher = BenchmarkManifest.Load(new EmbeddedBenchmarkFiles()).Single(b => b.Name == "fletcher32");

        var e = Assert.Throws<BenchmarkFailedException>(
            () => new BenchmarkRunner(Quick).Run([fletcher with { Expected = 0x1234 }]));

        Assert.Equal("fletcher32: r0 = 0x5bac8c3d, expected 0x1234", e.Message);
    }

    [Fact]
    public void ExhaustedBudgetFailsWithTheVmStatus()
    {
        Benchmark crc = BenchmarkManifest.Load(new EmbeddedBenchmarkFiles()).Single(b => b.Name == "crc32");

        var e = Assert.Throws<BenchmarkFailedException>(
            () => new BenchmarkRunner(Quick).Run([crc with { InstructionBudget = 100 }]));

        Assert.StartsWith("crc32: run stopped with 'instruction budget exhausted' at instruction ", e.Message);
    }

    [Fact]
    public void ProgramTheVerifierRefusesIsASetupError()
    {
        Benchmark arith = BenchmarkManifest.Load(new EmbeddedBenchmarkFiles()).Single(b => b.Name == "arith");

        var e = Assert.Throws<BenchmarkSetupException>(
            () => new BenchmarkRunner(Quick).Run([arith with { Program = arith.Program[..^8] }]));

        Assert.StartsWith("arith: the verifier refuses the program: ", e.Message);
    }
}
