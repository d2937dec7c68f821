namespace WasmBox.Nano.Sim.Measurement;

/// <summary>Mean and percentiles of a set of latencies in milliseconds.</summary>
public sealed record LatencyStats(int Count, double MeanMs, double P50Ms, double P95Ms, double MaxMs)
{
    public static LatencyStats Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return new LatencyStats(0, 0, 0, 0, 0);
        }
        double[] sorted = samples.Order().ToArray();
        return new LatencyStats(sorted.Length, sorted.Average(), Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
