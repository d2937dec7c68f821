using System.Diagnostics;
using WasmBox.Nano.Crypto;

namespace WasmBox.Nano.Bench;

/// <summary>
/// Cost of one ES256 verification as the board does it (the portable managed P-256 code):
/// wall time per verify on this machine, and the device-independent figure, big-integer
/// operations per verify, from the verifier's own counters.
/// </summary>
public sealed record SignatureBenchmarkResult(
    int Verifications,
    double MedianMsPerVerify,
    double BestMsPerVerify,
    double FieldMultiplicationsPerVerify,
    double FieldSquaringsPerVerify,
    double ScalarMultiplicationsPerVerify,
    double ScalarInversionsPerVerify,
    double BytesAllocatedPerVerify);

public static class SignatureBenchmark
{
    private const int Batches = 5;

    /// <summary>Verifies the reference signature <paramref name="perBatch"/> times in each of 5 batches after a warm-up.</summary>
    public static SignatureBenchmarkResult Run(int perBatch)
    {
        if (perBatch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(perBatch), "at least one verification per batch");
        }
        var verifier = new EcdsaP256Verifier();
        for (int i = 0; i < 20; i++)
        {
            Verify(verifier);
        }
        verifier.Counters.Reset();
        var batchMs = new double[Batches];
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int b = 0; b < Batches; b++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < perBatch; i++)
            {
                Verify(verifier);
            }
            batchMs[b] = Stopwatch.GetElapsedTime(start).TotalMilliseconds / perBatch;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        int n = Batches * perBatch;
        P256Counters c = verifier.Counters;
        Array.Sort(batchMs);
        return new SignatureBenchmarkResult(
            n,
            batchMs[Batches / 2],
            batchMs[0],
            (double)c.FieldMultiplications / n,
            (double)c.FieldSquarings / n,
            (double)c.ScalarMultiplications / n,
            (double)c.ScalarInversions / n,
            (double)allocated / n);
    }

    private static void Verify(EcdsaP256Verifier verifier)
    {
        if (!EcdsaP256Benchmark.VerifyReferenceSignature(verifier))
        {
            throw new BenchmarkFailedException("the reference ES256 signature did not verify");
        }
    }

    public static string Text(MachineInfo machine, SignatureBenchmarkResult r) =>
        $"""
        machine: {machine.Cpu}, {machine.LogicalCores} logical cores, {machine.Runtime}{(machine.VmJitOptimized ? "" : " (Debug build: slow)")}
        ES256 verification (portable managed P-256 + SHA-256), {r.Verifications} verifies:
          time per verify:            {r.MedianMsPerVerify:0.000} ms median of {Batches} batches (best {r.BestMsPerVerify:0.000} ms)
          field multiplications (p):  {r.FieldMultiplicationsPerVerify:0}
          field squarings (p):        {r.FieldSquaringsPerVerify:0}
          scalar multiplications (n): {r.ScalarMultiplicationsPerVerify:0}
          scalar inversions (n):      {r.ScalarInversionsPerVerify:0}
          bytes allocated per verify: {r.BytesAllocatedPerVerify:0}
        """;
}
