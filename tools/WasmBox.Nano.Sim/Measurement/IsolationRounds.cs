using WasmBox.Nano.Sim.Demo;

namespace WasmBox.Nano.Sim.Measurement;

/// <summary>
/// Runs the comparison: each configuration gets <c>durationMs</c> in total, split into
/// <c>rounds</c> rounds on fresh boards, interleaved in <see cref="RoundSchedule"/> order.
/// Warm up first (<see cref="MeasurementWarmUp"/>).
/// </summary>
public static class IsolationRounds
{
    public static IsolationComparison Run(DemoOptions options, long durationMs, int rounds, Action<string> progress, CancellationToken cancel)
    {
        long roundMs = RoundMs(durationMs, rounds);
        var without = new List<RunFigures>();
        var with = new List<RunFigures>();
        IReadOnlyList<bool> order = RoundSchedule.WithHostile(rounds);
        for (int i = 0; i < order.Count && !cancel.IsCancellationRequested; i++)
        {
            bool hostile = order[i];
            progress("round " + (i + 1) + "/" + order.Count + ": " + (hostile ? "with" : "without") + " the hostile tenant (" + roundMs / 1000.0 + " s) ...");
            RunFigures run = SustainedRun.Measure(options with { WithHostile = hostile }, roundMs, cancel);
            (hostile ? with : without).Add(run);
        }
        return IsolationComparison.Of(without, with);
    }

    /// <summary>The length of one round; a clear error when it would be shorter than a second.</summary>
    public static long RoundMs(long durationMs, int rounds)
    {
        if (rounds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rounds), "at least one round is needed");
        }
        long roundMs = durationMs / rounds;
        if (roundMs < MinimumRoundMs)
        {
            throw new ArgumentOutOfRangeException(nameof(rounds), rounds + " rounds of " + durationMs / 1000.0 + " s are shorter than "
                + MinimumRoundMs / 1000 + " s each");
        }
        return roundMs;
    }

    public const long MinimumRoundMs = 1000;
}
