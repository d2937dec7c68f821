using Spectre.Console;
using Spectre.Console.Rendering;
using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Sim.Demo;
using WasmBox.Nano.Sim.Scripting;
using WasmBox.Nano.Sim.Session;
using WasmBox.Nano.Sim.View;

namespace WasmBox.Nano.Sim.Tests;

/// <summary>
/// The live view of the real demo scenario (stepped clock), rendered frame by frame on a 90 × 30
/// terminal: it fits, labels the hostile tenant from the start, keeps every quarantine's reason and
/// lists events in time order; and a tenant's printed line shows.
/// </summary>
public sealed class LiveViewTests
{
    private const int Width = 90;
    private const int Height = 30;
    private const long DurationMs = 20_000;

    private static string[] RenderLines(IRenderable renderable)
    {
        var writer = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = Width;
        console.Profile.Height = Height;
        console.Write(renderable);
        return writer.ToString().TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    [Fact]
    public void The_demo_fits_90_by_30_labels_the_hostile_tenant_from_the_start_and_keeps_every_quarantine_reason()
    {
        var clock = new SteppedClock();
        using DemoRun demo = DemoRun.Prepare(new DemoOptions { Clock = clock });
        InputScript script = DemoPlan.Script(DurationMs, hostile: true);
        script.Validate(demo.Session);
        demo.Session.Start(threaded: false);
        var view = new LiveView(AnsiConsole.Console, "wbx demo " + demo.Session.Board.Profile.Id, [DemoPlan.HostileTenant]);
        var quarantines = new QuarantineLog();
        string[]? first = null;
        string[] last = [];
        foreach (SimFrame frame in SimDriver.Stepped(demo.Session, clock, script, DurationMs))
        {
            view.Remember(frame);
            quarantines.Record(frame.NewEvents);
            last = RenderLines(view.Render(frame.Snapshot));
            first ??= last;
            Assert.All(last, line => Assert.True(line.Length <= Width, "wider than " + Width + ": " + line));
            Assert.True(last.Length <= Height, last.Length + " lines:\n" + string.Join("\n", last));
        }

        Assert.Contains(first!, l => l.Contains("hostile: " + DemoPlan.HostileTenant));
        Assert.Contains(first!, l => l.Contains(DemoPlan.HostileTenant + "/") && l.Contains('⚠'));
        Assert.Equal(DemoPlan.HostileBundles.Count, quarantines.All.Count);
        int panel = Array.FindIndex(last, l => l.Contains("quarantined (reason kept)"));
        Assert.True(panel >= 0, string.Join("\n", last));
        foreach (Quarantine q in quarantines.All)
        {
            Assert.False(string.IsNullOrEmpty(q.Reason));
            string shown = last.Skip(panel + 1).Take(quarantines.All.Count).Single(l => l.Contains(q.Tenant + "/" + q.Container + ":"));
            Assert.Contains(q.Reason[..Math.Min(q.Reason.Length, 20)], shown);
        }
        Assert.True(quarantines.All.Select(q => q.AtMs).SequenceEqual(quarantines.All.Select(q => q.AtMs).Order()));
        double[] times = last.SkipWhile(l => !l.Contains("recent inputs and events")).Skip(1).TakeWhile(l => !l.Contains("tenants' output"))
            .Select(l => double.Parse(l.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.NotEmpty(times);
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public void A_tenants_printed_line_shows_in_the_output_section()
    {
        var view = new LiveView(AnsiConsole.Console, "wbx sim");
        var snapshot = new SimSnapshot(1200, 1300, [], []);
        view.Remember(new SimFrame(snapshot, [], [], false, [new LogRow(1250, "hello", "hello", "hello from hello, run 1")]));

        string[] lines = RenderLines(view.Render(snapshot));

        int output = Array.FindIndex(lines, l => l.Contains("tenants' output"));
        Assert.Contains("hello/hello: hello from hello, run 1", lines[output + 1]);
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly 10", 10, "exactly 10")]
    [InlineData("eleven char", 10, "eleven ch…")]
    [InlineData("[red]eleven char[/]", 10, "[red]eleven ch…[/]")]
    [InlineData("[grey]1.0 s[/] [red]a/b[/]: long reason", 12, "[grey]1.0 s[/] [red]a/b[/]: …")]
    [InlineData("[[x]] tenant", 6, "[[x]] t…")]
    public void Markup_is_cut_to_its_visible_width_and_its_styles_closed(string markup, int width, string expected)
    {
        string cut = MarkupCut.ToWidth(markup, width);
        Assert.Equal(expected, cut);
        Assert.True(Markup.Remove(cut).Length <= width);
    }
}
