using System.Text.Json;
using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.View;

/// <summary>
/// JSON lines for scripts: one object per scripted input, runtime event and printed line, a snapshot every
/// frame, and whatever the command adds at the end (a summary). Each line has a "type".
/// </summary>
public sealed class JsonLinesView(TextWriter output) : ISimView
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public SimSnapshot Show(IEnumerable<SimFrame> frames)
    {
        SimSnapshot? last = null;
        foreach (SimFrame frame in frames)
        {
            foreach (var input in frame.Applied)
            {
                Write(new { type = "input", atMs = input.AtMs, input = input.Describe() });
            }
            foreach (EventRow e in frame.NewEvents)
            {
                Write(new { type = "event", e.AtMs, e.Kind, e.Tenant, e.Container, e.State, e.Anomaly, e.Detail });
            }
            foreach (LogRow line in frame.NewLogs)
            {
                Write(new { type = "log", line.AtMs, line.Tenant, line.Container, line.Line });
            }
            Write(new { type = "snapshot", frame.Snapshot.ElapsedMs, frame.Snapshot.BoardMs, frame.Snapshot.Containers, frame.Snapshot.Pins });
            last = frame.Snapshot;
        }
        return last ?? throw new InvalidOperationException("a run yields at least its final frame");
    }

    /// <summary>Writes one object as one line.</summary>
    public void Write(object line)
    {
        output.WriteLine(JsonSerializer.Serialize(line, Options));
        output.Flush();
    }
}
