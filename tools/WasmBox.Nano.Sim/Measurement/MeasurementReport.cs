using Spectre.Console;
using WasmBox.Nano.Sim.Demo;

namespace WasmBox.Nano.Sim.Measurement;

/// <summary>Terminal tables for `wbx demo --measure` (the JSON form is the records themselves).</summary>
public static class MeasurementReport
{
    public static void Write(IAnsiConsole console, RunFigures run)
    {
        console.MarkupLine("[bold]sustained run[/] " + (run.WithHostile ? "with" : "without") + " the hostile tenant, "
            + (run.DurationMs / 1000.0).ToString("0.0") + " s");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("tenant", "container", "state", "runs", "faults", "mean run", "max run");
        foreach (ContainerFigures c in run.Containers)
        {
            table.AddRow(Markup.Escape(c.Tenant), Markup.Escape(c.Name), c.State, c.Runs.ToString(), c.Faults.ToString(),
                c.MeanRunMicros.ToString("0.0") + " µs", c.MaxRunMicros.ToString("0.0") + " µs");
        }
        console.Write(table);
        var latency = new Table().Border(TableBorder.Rounded).Title("fire -> run end");
        latency.AddColumns("path", "events", "mean", "p50", "p95", "max");
        AddLatency(latency, "message -> acme/fletcher32", run.MessageLatency);
        AddLatency(latency, "button edge -> globex/button_counter", run.PressLatency);
        AddLatency(latency, "CoAP GET -> initech/coap_temp answer", run.CoapLatency);
        console.Write(latency);
        WriteVerdicts(console, run.Verdicts);
    }

    public static void WriteVerdicts(IAnsiConsole console, IReadOnlyList<TenantVerdict> verdicts)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("results per tenant");
        table.AddColumns("tenant", "container", "check", "expected", "actual", "");
        foreach (TenantVerdict v in verdicts)
        {
            foreach (Check c in v.Checks)
            {
                table.AddRow(Markup.Escape(v.Tenant + (v.Hostile ? " (hostile)" : "")), Markup.Escape(c.Container), Markup.Escape(c.What),
                    Markup.Escape(c.Expected), Markup.Escape(c.Actual), c.Ok ? "[green]ok[/]" : "[bold red]WRONG[/]");
            }
        }
        console.Write(table);
        foreach (TenantVerdict v in verdicts)
        {
            string what = v.Hostile ? (v.Ok ? "contained" : "NOT contained") : (v.Ok ? "results correct" : "results WRONG");
            console.MarkupLine((v.Ok ? "[green]" : "[bold red]") + Markup.Escape(v.Tenant) + ": " + what + "[/]");
        }
    }

    public static void Write(IAnsiConsole console, IsolationComparison comparison)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("well-behaved tenants without / with the hostile tenant: medians of "
            + comparison.Without.Count + " + " + comparison.With.Count + " interleaved rounds");
        table.AddColumns("subject", "figure", "without", "baseline spread", "with", "change", "verdict", "rounds without | with");
        foreach (ComparedFigure f in comparison.Figures)
        {
            table.AddRow(Markup.Escape(f.Subject), Markup.Escape(f.Figure), f.Without.Median.ToString("0.###"), "±" + Percent(f.BaselineSpread),
                f.With.Median.ToString("0.###"), double.IsInfinity(f.Change) ? "n/a" : (f.Change * 100).ToString("+0.0;-0.0;0.0") + " %",
                Verdict(f.Verdict), Values(f.Without) + " | " + Values(f.With));
        }
        console.Write(table);
        console.MarkupLine("[grey]run time: the container's own work per run (runtime counters); latency: event fired -> run ended, "
            + "so it adds thread wake-up. baseline spread: the largest distance of a single round without the hostile tenant "
            + "from their median (the noise floor).[/]");
    }

    private static string Verdict(FigureVerdict verdict) => verdict switch
    {
        FigureVerdict.Within => "[green]within 10%[/]",
        FigureVerdict.WithinBaselineNoise => "[yellow]not within 10%, but within the baseline's own spread[/]",
        _ => "[bold red]not within 10%, beyond the baseline's spread[/]",
    };

    private static string Values(RoundValues rounds) => string.Join(" ", rounds.Values.Select(v => v.ToString("0.###")));

    private static string Percent(double fraction) => double.IsInfinity(fraction) ? "n/a" : (fraction * 100).ToString("0.0") + " %";

    public static void Write(IAnsiConsole console, IReadOnlyList<ContainerMemory> memory)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("managed memory per container (host, 64-bit)");
        table.AddColumns("tenant", "container", "install allocated", "retained when idle", "device estimate (32-bit)", "allocated per run");
        foreach (ContainerMemory m in memory)
        {
            table.AddRow(Markup.Escape(m.Tenant), Markup.Escape(m.Name), m.InstallAllocatedBytes + " B", m.RetainedBytes + " B",
                m.DeviceEstimateBytes + " B", m.AllocatedBytesPerRun.ToString("0.##") + " B (" + m.Runs + " runs)");
        }
        console.Write(table);
    }

    private static void AddLatency(Table table, string path, LatencyStats s) =>
        table.AddRow(Markup.Escape(path), s.Count.ToString(), Ms(s.MeanMs), Ms(s.P50Ms), Ms(s.P95Ms), Ms(s.MaxMs));

    private static string Ms(double ms) => ms.ToString("0.000") + " ms";
}
