namespace WasmBox.Nano.Sim.Measurement;

/// <summary>How a figure with the hostile tenant compares with the figure without it.</summary>
public enum FigureVerdict
{
    /// <summary>Within <see cref="ComparedFigure.Tolerance"/>.</summary>
    Within,

    /// <summary>Beyond the tolerance, but no further than the baseline's own rounds stray from their median: noise, not interference.</summary>
    WithinBaselineNoise,

    /// <summary>Beyond the tolerance and beyond the baseline's noise.</summary>
    Outside,
}

/// <summary>One figure of the well-behaved tenants over the rounds without and with the hostile tenant, compared by medians.</summary>
public sealed record ComparedFigure(string Subject, string Figure, RoundValues Without, RoundValues With)
{
    public const double Tolerance = 0.10;

    /// <summary>Signed relative change of the median with the hostile tenant; 0 when both are 0.</summary>
    public double Change => Without.Median == 0
        ? (With.Median == 0 ? 0 : double.PositiveInfinity)
        : (With.Median - Without.Median) / Without.Median;

    /// <summary>The noise floor: how far single baseline rounds stray from the baseline median.</summary>
    public double BaselineSpread => Without.Spread;

    public FigureVerdict Verdict =>
        Math.Abs(Change) <= Tolerance ? FigureVerdict.Within
        : Math.Abs(Change) <= BaselineSpread ? FigureVerdict.WithinBaselineNoise
        : FigureVerdict.Outside;

    public bool WithinTolerance => Verdict == FigureVerdict.Within;
}

/// <summary>
/// The same sustained scenario in interleaved rounds without and with the hostile tenant. Per
/// well-behaved container: runs and mean run time (the CPU work of a run, from the runtime's
/// counters: what the hostile tenant could steal); per input path: fire-to-run-end latency
/// (mean, p95), which adds thread wake-up to the run. Each figure is the median over the rounds
/// of its configuration.
/// </summary>
public sealed record IsolationComparison(IReadOnlyList<RunFigures> Without, IReadOnlyList<RunFigures> With, IReadOnlyList<ComparedFigure> Figures)
{
    public bool AllWithinTolerance => Figures.All(f => f.WithinTolerance);

    public static IsolationComparison Of(IReadOnlyList<RunFigures> without, IReadOnlyList<RunFigures> with)
    {
        if (without.Count == 0 || with.Count == 0)
        {
            throw new ArgumentException("a comparison needs at least one round of each configuration");
        }
        var figures = new List<ComparedFigure>();
        foreach (ContainerFigures a in without[0].Containers)
        {
            string subject = a.Tenant + "/" + a.Name;
            ContainerFigures? Find(RunFigures run) => run.Containers.FirstOrDefault(c => c.Tenant == a.Tenant && c.Name == a.Name);
            if (with.Any(run => Find(run) is null) || without.Any(run => Find(run) is null))
            {
                continue;
            }
            figures.Add(Compare(subject, "runs", without, with, run => Find(run)!.Runs));
            figures.Add(Compare(subject, "run time mean (µs)", without, with, run => Find(run)!.MeanRunMicros));
        }
        AddLatency(figures, "message -> acme/fletcher32 run end", without, with, run => run.MessageLatency);
        AddLatency(figures, "button edge -> globex/button_counter run end", without, with, run => run.PressLatency);
        AddLatency(figures, "CoAP GET -> initech/coap_temp answer", without, with, run => run.CoapLatency);
        return new IsolationComparison(without, with, figures);
    }

    private static void AddLatency(List<ComparedFigure> figures, string path, IReadOnlyList<RunFigures> without, IReadOnlyList<RunFigures> with,
        Func<RunFigures, LatencyStats> latency)
    {
        figures.Add(Compare(path, "latency mean (ms)", without, with, run => latency(run).MeanMs));
        figures.Add(Compare(path, "latency p95 (ms)", without, with, run => latency(run).P95Ms));
    }

    private static ComparedFigure Compare(string subject, string figure, IReadOnlyList<RunFigures> without, IReadOnlyList<RunFigures> with,
        Func<RunFigures, double> value) =>
        new(subject, figure, new RoundValues(without.Select(value).ToList()), new RoundValues(with.Select(value).ToList()));
}
