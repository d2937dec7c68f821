namespace WasmBox.Nano.Sim.Measurement;

/// <summary>One figure's value in each round of one configuration: its median and how far single rounds stray from it.</summary>
public sealed record RoundValues(IReadOnlyList<double> Values)
{
    public double Median { get; } = MedianOf(Values);

    /// <summary>
    /// The largest relative distance of a round from the median: the noise floor of the figure
    /// (0 when the median is 0 and every round agrees; infinite when a round is off a median of 0).
    /// </summary>
    public double Spread => Values.Count == 0 ? 0 : Values.Max(v => Relative(v, Median));

    /// <summary>Relative change from <paramref name="reference"/>; 0 when both are 0.</summary>
    public static double Relative(double value, double reference) =>
        reference == 0 ? (value == 0 ? 0 : double.PositiveInfinity) : Math.Abs(value - reference) / reference;

    private static double MedianOf(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        double[] sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
