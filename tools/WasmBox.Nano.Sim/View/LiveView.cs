using Spectre.Console;
using Spectre.Console.Rendering;
using WasmBox.Nano.Sim.Scripting;
using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.View;

/// <summary>
/// The terminal view, redrawn every frame and laid out to stay readable in 90 columns by 30 lines:
/// containers (hostile tenants labelled from the first frame), pins on one line, a fixed panel
/// keeping every quarantine's reason, recent inputs and events in board-time order, and the
/// tenants' latest printed lines.
/// </summary>
public sealed class LiveView(IAnsiConsole console, string title, IReadOnlyCollection<string>? hostileTenants = null) : ISimView
{
    private const int RecentEvents = 5;
    private const int RecentLines = 2;

    /// <summary>Visible characters per line: the layout is made for a terminal 90 columns wide.</summary>
    private const int LineWidth = 88;
    private readonly IReadOnlyCollection<string> _hostile = hostileTenants ?? [];
    private readonly Queue<string> _recent = new();
    private readonly Queue<string> _output = new();
    private readonly QuarantineLog _quarantines = new();

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

    /// <summary>Takes in a frame's inputs, events and printed lines, merged in board-time order.</summary>
    internal void Remember(SimFrame frame)
    {
        // Inputs are timed by the script's clock, events by the board's: put both on the board's.
        long boardOffset = frame.Snapshot.BoardMs - frame.Snapshot.ElapsedMs;
        var happenings = frame.Applied.Select(input => (At: input.AtMs + boardOffset, Line: "[blue]input[/] " + Markup.Escape(input.Describe())))
            .Concat(frame.NewEvents.Where(e => e.Kind != "state" || e.State != "running").Select(e => (At: e.AtMs, Line: EventMarkup(e))))
            .OrderBy(h => h.At);
        foreach (var (at, line) in happenings)
            Add(_recent, RecentEvents, "[grey]" + Seconds(at) + "[/] " + line);
        _quarantines.Record(frame.NewEvents);
        foreach (LogRow line in frame.NewLogs)
            Add(_output, RecentLines, "[grey]" + Seconds(line.AtMs) + "[/] " + Markup.Escape(line.Tenant + "/" + line.Container + ": " + line.Line));
    }

    private string EventMarkup(EventRow e)
    {
        string color = e.Kind switch { "quarantined" => "red", "fault" or "violation" or "install-refused" => "yellow", _ => "green" };
        return "[" + color + "]" + e.Kind + "[/] " + Markup.Escape(e.Tenant + "/" + (e.Container ?? "-")) + " " + Markup.Escape(e.Detail);
    }

    private static void Add(Queue<string> lines, int keep, string line)
    {
        lines.Enqueue(line);
        while (lines.Count > keep)
            lines.Dequeue();
    }

    internal IRenderable Render(SimSnapshot s)
    {
        string hostile = _hostile.Count == 0 ? "" : "  [bold red]hostile: " + Markup.Escape(string.Join(", ", _hostile)) + "[/]";
        IRenderable header = OneLineEach(["[bold]" + Markup.Escape(title) + "[/]  t = " + Seconds(s.ElapsedMs) + "  board " + s.BoardMs + " ms" + hostile]);
        return new Rows(header, ContainerTable(s.Containers, _hostile, withHooks: false), PinLine(s.Pins),
            Section("quarantined (reason kept)", _quarantines.All.Select(q => "[grey]" + Seconds(q.AtMs) + "[/] [red]"
                + Markup.Escape(q.Tenant + "/" + q.Container) + "[/]: " + Markup.Escape(q.Reason)), "none"),
            Section("recent inputs and events", _recent, "no events yet"),
            Section("tenants' output", _output, "nothing printed yet"));
    }

    /// <summary>A titled rule and its lines, each cut to one line so the layout keeps its height.</summary>
    private static IRenderable Section(string heading, IEnumerable<string> lines, string empty)
    {
        List<string> rows = lines.ToList();
        return new Rows(new Rule("[bold]" + heading + "[/]").LeftJustified(), OneLineEach(rows.Count == 0 ? ["[grey]" + empty + "[/]"] : rows));
    }

    /// <summary>Lines that never wrap: too long, they end in an ellipsis.</summary>
    private static Rows OneLineEach(IEnumerable<string> lines) =>
        new(lines.Select(line => (IRenderable)new Markup(MarkupCut.ToWidth(line, LineWidth))));

    /// <summary>The containers; the hooks column only where width allows (the final summary).</summary>
    internal static Table ContainerTable(IReadOnlyList<ContainerRow> rows, IReadOnlyCollection<string> hostile, bool withHooks)
    {
        var table = new Table().Border(withHooks ? TableBorder.Rounded : TableBorder.Minimal);
        table.AddColumns(withHooks ? ["tenant/container", "hooks"] : ["tenant/container"]);
        table.AddColumns("state", "runs", "faults", "budget", "viol.", "avg run");
        foreach (ContainerRow c in rows)
        {
            string who = Markup.Escape(c.Tenant + "/" + c.Name);
            string[] cells =
            [
                hostile.Contains(c.Tenant) ? "[red]" + who + " ⚠[/]" : who, StateMarkup(c.State), c.Runs.ToString(),
                c.Faults == 0 ? "0" : "[yellow]" + c.Faults + "[/]", c.BudgetHits.ToString(), c.Violations.ToString(),
                c.AvgRunMicros.ToString("0.0") + " µs",
            ];
            table.AddRow(withHooks ? [cells[0], Markup.Escape(c.Hooks), .. cells[1..]] : cells);
        }
        return table;
    }

    private static Rows PinLine(IReadOnlyList<PinRow> rows)
    {
        IEnumerable<string> pins = rows.Select(p =>
            Markup.Escape(p.Name) + " " + (p.Level ? "[bold green]HIGH[/]" : "[grey]low[/]")
            + (p.Led is not null ? " LED " + Markup.Escape(p.Led) + (p.Level ? " [yellow]●[/]" : " ○") : p.Button is not null ? " button " + Markup.Escape(p.Button) : ""));
        return OneLineEach(["[bold]pins[/] " + (rows.Count == 0 ? "[grey]none[/]" : string.Join(" · ", pins))]);
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
