using Spectre.Console;
using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.View;

/// <summary>
/// Where a run is shown: the live terminal view and summary tables, or JSON lines when asked
/// or when stdout is not a terminal (a pipe, a file, a test).
/// </summary>
public sealed class SimOutput
{
    private readonly JsonLinesView? _json;
    private readonly IAnsiConsole? _console;
    private readonly string _title;
    private readonly IReadOnlyCollection<string> _hostile;

    private SimOutput(JsonLinesView? json, IAnsiConsole? console, string title, IReadOnlyCollection<string> hostile)
    {
        _json = json;
        _console = console;
        _title = title;
        _hostile = hostile;
    }

    /// <param name="hostile">Tenants the live view labels hostile from the first frame.</param>
    public static SimOutput Choose(bool json, string title, IReadOnlyCollection<string>? hostile = null) => json || Console.IsOutputRedirected
        ? new SimOutput(new JsonLinesView(Console.Out), null, title, hostile ?? [])
        : new SimOutput(null, AnsiConsole.Console, title, hostile ?? []);

    public bool IsJson => _json is not null;

    public SimSnapshot Show(IEnumerable<SimFrame> frames) =>
        _json?.Show(frames) ?? new LiveView(_console!, _title, _hostile).Show(frames);

    /// <summary>The container summary: a table, or one "summary" line carrying <paramref name="extra"/> members too.</summary>
    public void Summary(SimSnapshot final, IReadOnlyDictionary<string, object?>? extra = null)
    {
        if (_json is not null)
        {
            var line = new Dictionary<string, object?> { ["type"] = "summary", ["elapsedMs"] = final.ElapsedMs, ["containers"] = final.Containers };
            foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
            {
                line[key] = value;
            }
            _json.Write(line);
            return;
        }
        SummaryTable.Write(_console!, final);
    }

    /// <summary>Extra terminal output (tables of the demo's verdicts); ignored in JSON mode.</summary>
    public void Write(Spectre.Console.Rendering.IRenderable renderable)
    {
        _console?.Write(renderable);
    }
}
