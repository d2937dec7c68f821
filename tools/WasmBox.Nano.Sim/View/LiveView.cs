using Spectre.Console;
using Spectre.Console.Rendering;
using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.View;

/// <summary>The terminal view: containers, pins and LEDs, and recent events, redrawn every frame.</summary>
public sealed class LiveView(IAnsiConsole console, string title) : ISimView
{
    private const int RecentEvents = 8;
    private const int RecentLines = 5;
    private readonly Queue<string> _recent = new();
    private readonly Queue<string> _output = new();

    public SimSnapshot Show(IEnumerable<SimFrame> frames)
    {
        SimSnapshot? last = null;
        console.Live(new Markup(Markup.Escape(title) + " starting ...")).AutoClear(false).Start(ctx =>
        {
            foreach (SimFrame frame in frames)
            {
                Remember(frame);
                ctx.UpdateTarget(Render(frame.Snapshot));
                last = frame.Snapshot;
            }
        });
        return last ?? throw new InvalidOperationException("a run yields at least its final frame");
    }

    private void Remember(SimFrame frame)
    {
        foreach (var input in frame.Applied)
        {
            Add(_recent, RecentEvents, "[grey]" + Seconds(input.AtMs) + "[/] [blue]input[/] " + Markup.Escape(input.Describe()));
        }
        foreach (EventRow e in frame.NewEvents.Where(e => e.Kind != "state" || e.State != "running"))
        {
            string color = e.Kind switch { "quarantined" => "red", "fault" or "violation" or "install-refused" => "yellow", _ => "green" };
            Add(_recent, RecentEvents, "[grey]" + Seconds(e.AtMs) + "[/] [" + color + "]" + e.Kind + "[/] "
                + Markup.Escape(e.Tenant + "/" + (e.Container ?? "-")) + " " + Markup.Escape(e.Detail));
        }
        foreach (LogRow line in frame.NewLogs)
        {
            Add(_output, RecentLines, "[grey]" + Seconds(line.AtMs) + "[/] " + Markup.Escape(line.Tenant + "/" + line.Container + ": " + line.Line));
        }
    }

    private static void Add(Queue<string> lines, int keep, string line)
    {
        lines.Enqueue(line);
        while (lines.Count > keep)
        {
            lines.Dequeue();
        }
    }

    private IRenderable Render(SimSnapshot s)
    {
        var header = new Markup("[bold]" + Markup.Escape(title) + "[/]  t = " + Seconds(s.ElapsedMs) + "  board clock " + s.BoardMs + " ms");
        IRenderable events = _recent.Count == 0 ? new Markup("[grey]no events yet[/]") : new Rows(_recent.Select(l => new Markup(l)));
        IRenderable output = _output.Count == 0 ? new Markup("[grey]nothing printed yet[/]") : new Rows(_output.Select(l => new Markup(l)));
        return new Rows(header, ContainerTable(s.Containers), PinTable(s.Pins), new Panel(events).Header("recent events"),
            new Panel(output).Header("tenants' output"));
    }

    internal static Table ContainerTable(IReadOnlyList<ContainerRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("containers");
        table.AddColumns("tenant", "container", "hooks", "state", "runs", "faults", "budget hits", "violations", "last r0", "avg run");
        foreach (ContainerRow c in rows)
        {
            table.AddRow(Markup.Escape(c.Tenant), Markup.Escape(c.Name), Markup.Escape(c.Hooks), StateMarkup(c.State),
                c.Runs.ToString(), c.Faults == 0 ? "0" : "[yellow]" + c.Faults + "[/]", c.BudgetHits.ToString(),
                c.Violations.ToString(), c.LastR0.ToString(), c.AvgRunMicros.ToString("0.0") + " µs");
        }
        return table;
    }

    private static Table PinTable(IReadOnlyList<PinRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("pins");
        table.AddColumns("pin", "name", "mode", "level", "part");
        foreach (PinRow p in rows)
        {
            string level = p.Level ? "[bold green]HIGH[/]" : "[grey]low[/]";
            string part = p.Led is not null ? (p.Level ? "[yellow]●[/] " : "○ ") + "LED " + Markup.Escape(p.Led)
                : p.Button is not null ? "button " + Markup.Escape(p.Button) : "";
            table.AddRow(p.Number.ToString(), Markup.Escape(p.Name), p.Mode, level, part);
        }
        return table;
    }

    private static string StateMarkup(string state) => state switch
    {
        "running" => "[green]running[/]",
        "quarantined" => "[bold red]quarantined[/]",
        "stopped" => "[yellow]stopped[/]",
        _ => state,
    };

    private static string Seconds(long ms) => (ms / 1000.0).ToString("0.0") + " s";
}
