namespace WasmBox.Nano.Bench.Tests;

public class SignatureBenchmarkTests
{
    [Fact]
    public void Reports_operation_counts_per_verify_and_allocates_nothing_per_verify()
    {
        SignatureBenchmarkResult r = SignatureBenchmark.Run(2);

        Assert.Equal(10, r.Verifications);
        Assert.True(r.FieldMultiplicationsPerVerify > 1000, r.FieldMultiplicationsPerVerify.ToString());
        Assert.True(r.FieldSquaringsPerVerify > 1000, r.FieldSquaringsPerVerify.ToString());
        Assert.Equal(1, r.ScalarInversionsPerVerify);
        Assert.Equal(0, r.BytesAllocatedPerVerify);
        Assert.True(r.BestMsPerVerify <= r.MedianMsPerVerify);
    }

    [Fact]
    public void Refuses_an_empty_batch()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SignatureBenchmark.Run(0));
    }
}
