namespace WasmBox.Nano.Sim.Measurement;

/// <summary>One figure of the well-behaved tenants with and without the hostile one.</summary>
public sealed record ComparedFigure(string Subject, string Figure, double Without, double With)
{
    public const double Tolerance = 0.10;

    /// <summary>Relative change with the hostile tenant present; 0 when both are 0.</summary>
    public double Change => Without == 0 ? (With == 0 ? 0 : double.PositiveInfinity) : (With - Without) / Without;

    public bool WithinTolerance => Math.Abs(Change) <= Tolerance;
}

/// <summary>
/// The same sustained scenario without and with the hostile tenant: run counts and mean run
/// times per well-behaved container, and fire-to-run-end latencies (mean, p95) per input path.
/// </summary>
public sealed record IsolationComparison(RunFigures Without, RunFigures With, IReadOnlyList<ComparedFigure> Figures)
{
    public bool AllWithinTolerance => Figures.All(f => f.WithinTolerance);

    public static IsolationComparison Of(RunFigures without, RunFigures with)
    {
        var figures = new List<ComparedFigure>();
        foreach (ContainerFigures a in without.Containers)
        {
            ContainerFigures? b = with.Containers.FirstOrDefault(c => c.Tenant == a.Tenant && c.Name == a.Name);
            if (b is null)
            {
                continue;
            }
            string subject = a.Tenant + "/" + a.Name;
            figures.Add(new ComparedFigure(subject, "runs", a.Runs, b.Runs));
            figures.Add(new ComparedFigure(subject, "mean run time (µs)", a.MeanRunMicros, b.MeanRunMicros));
        }
        AddLatency(figures, "message -> acme/fletcher32 run end", without.MessageLatency, with.MessageLatency);
        AddLatency(figures, "button edge -> globex/button_counter run end", without.PressLatency, with.PressLatency);
        AddLatency(figures, "CoAP GET -> initech/coap_temp answer", without.CoapLatency, with.CoapLatency);
        return new IsolationComparison(without, with, figures);
    }

    private static void AddLatency(List<ComparedFigure> figures, string path, LatencyStats without, LatencyStats with)
    {
        figures.Add(new ComparedFigure(path, "latency mean (ms)", without.MeanMs, with.MeanMs));
        figures.Add(new ComparedFigure(path, "latency p95 (ms)", without.P95Ms, with.P95Ms));
    }
}
