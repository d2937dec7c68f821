using System.Diagnostics;
using Xunit.Abstractions;

namespace WasmBox.Nano.Crypto.Tests;

/// <summary>
/// The cost figures of one verification. Counts are asserted (they are deterministic for a
/// given signature); time (wall clock and process CPU, the latter less
/// disturbed by a busy machine) is only reported, never asserted, and measured with no other test
/// of this assembly running alongside.
/// </summary>
[Collection(nameof(VerifyCostTests))]
[CollectionDefinition(nameof(VerifyCostTests), DisableParallelization = true)]
public class VerifyCostTests(ITestOutputHelper output)
{
    [Fact]
    public void ReferenceSignature_Verifies_AndReportsCost()
    {
        var verifier = new EcdsaP256Verifier();
        Assert.True(EcdsaP256Benchmark.VerifyReferenceSignature(verifier)); // also warms up the JIT

        const int runs = 500;
        verifier.Counters.Reset();
        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < runs; i++)
        {
            Assert.True(EcdsaP256Benchmark.VerifyReferenceSignature(verifier));
        }
        clock.Stop();
        process.Refresh();
        TimeSpan cpu = process.TotalProcessorTime - cpuBefore;

        P256Counters c = verifier.Counters;
        Assert.Equal(runs, c.Verifications);
        Assert.Equal(runs, c.ScalarInversions);
        Assert.Equal(4 * runs, c.ScalarMultiplications); // u1 and u2, two Montgomery products each
        Assert.Equal(0, c.FieldMultiplications % runs);
        Assert.Equal(0, c.FieldSquarings % runs);
        int multiplications = c.FieldMultiplications / runs, squarings = c.FieldSquarings / runs;

        // 256 doublings (4M + 4S), about 32 + 43 NAF additions and 8 for the key's table: far
        // below the 2 x 256 additions of plain double-and-add.
        Assert.InRange(multiplications + squarings, 2500, 3500);
        output.WriteLine($"per verify: {multiplications} field mul + {squarings} field sqr = {multiplications + squarings}, "
            + $"{c.ScalarMultiplications / runs} Montgomery mul mod n, {c.ScalarInversions / runs} inversion mod n, 0 inversions mod p; "
            + $"{clock.Elapsed.TotalMilliseconds / runs:F3} ms wall, {cpu.TotalMilliseconds / runs:F3} ms CPU on this host ({runs} runs)");
    }

    [Fact]
    public void Verify_AllocatesNothing()
    {
        var verifier = new EcdsaP256Verifier();
        Assert.True(EcdsaP256Benchmark.VerifyReferenceSignature(verifier));

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool ok = EcdsaP256Benchmark.VerifyReferenceSignature(verifier);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(ok);
        Assert.Equal(0, allocated);
    }
}
