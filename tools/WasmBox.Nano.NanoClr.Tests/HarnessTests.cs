namespace WasmBox.Nano.NanoClr.Tests;

/// <summary>How the harness reads nanoCLR's output and shapes what it generates; nanoCLR itself runs in the test command.</summary>
public class HarnessTests
{
    [Fact]
    public void Launcher_output_is_counted_per_case_and_done_is_required()
    {
        var report = LauncherReport.Parse(
            "Ready.\nTest passed,A.B.C.0,12\nTest failed,A.B.D.1,Assert.AreEqual failed. Expected:<1>. Actual:<2>.\r\nTest skipped,A.B.E,no board\nDone.\n");

        Assert.Equal(["A.B.C.0"], report.Passed);
        Assert.Equal(("A.B.D.1", "Assert.AreEqual failed. Expected:<1>. Actual:<2>."), Assert.Single(report.Failed));
        Assert.Equal(("A.B.E", "no board"), Assert.Single(report.Skipped));
        Assert.True(report.Done);
        Assert.False(LauncherReport.Parse("Test passed,A.B.C.0,12\n").Done);
    }

    [Theory]
    [InlineData("alu64-arith", "alu64_arith")]
    [InlineData("9lives", "_9lives")]
    [InlineData("j-signed.imm", "j_signed_imm")]
    public void Corpus_names_become_identifiers(string name, string identifier) =>
        Assert.Equal(identifier, GeneratedSuite.Identifier(name));

    [Fact]
    public void Chunks_stay_under_the_literal_limit_and_keep_order()
    {
        var items = Enumerable.Range(0, 100).ToList();

        var chunks = GeneratedSuite.Chunk(items, _ => GeneratedSuite.MaxLiteralCharacters / 10 + 1);

        Assert.All(chunks, c => Assert.True(c.Count <= 9));
        Assert.Equal(items, chunks.SelectMany(c => c));
    }

    [Fact]
    public void Bench_only_selects_among_every_kernel_the_verify_and_the_hash()
    {
        // The names `bench --only` accepts; the kit is not needed to list them.
        var benchmarks = new DeviceBenchmarks(null!, ".");

        Assert.Equal([.. benchmarks.Kernels.Select(k => k.Name), "es256", "sha256-4k"], benchmarks.Names);
        Assert.Contains("fletcher32", benchmarks.Names);
    }

    [Fact]
    public void Callgrind_difference_cancels_start_up()
    {
        // 1,000,000 x86 instructions of start-up plus 2,500 per eBPF instruction.
        var m = new CallgrindMeasurement("k", InstructionsPerRun: 100, FewRuns: 2, ManyRuns: 6,
            FewIr: 1_000_000 + 2 * 100 * 2_500, ManyIr: 1_000_000 + 6 * 100 * 2_500);

        Assert.Equal(2_500, m.X86PerEbpfInstruction);
    }

    [Fact]
    public void Only_projects_built_on_mscorlib_alone_are_run()
    {
        var root = RepositoryRoot.Find()!;

        var runnable = DeviceProjects.Runnable(root).Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).ToList();

        Assert.Contains("src/WasmBox.Nano.Vm/WasmBox.Nano.Vm.nfproj", runnable);
        Assert.Contains("src/WasmBox.Nano.Protocol/WasmBox.Nano.Protocol.nfproj", runnable);
        Assert.Contains("nftests/WasmBox.Nano.Update.NfTests/NFUnitTest.nfproj", runnable);
        // The Device suite runs: it links only the adapters' hardware-free sources, not the Device projects.
        Assert.Contains("nftests/WasmBox.Nano.Device.NfTests/NFUnitTest.nfproj", runnable);
        Assert.DoesNotContain(runnable, p => p.StartsWith("src/WasmBox.Nano.Device/", StringComparison.Ordinal) || p.StartsWith("firmware/", StringComparison.Ordinal));
    }
}
