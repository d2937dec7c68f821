using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Simulation;

public sealed record LogLine(long TimestampMs, string Source, string Text);

/// <summary>
/// Keeps the most recent log lines (a serial console's scrollback) for the live view and tests,
/// and tells listeners about each new one. Safe to call from any container thread.
/// </summary>
public sealed class RecordingLogSink : ILogSink
{
    private readonly IClock _clock;
    private readonly int _capacity;
    private readonly Queue<LogLine> _lines = new();
    private readonly Lock _gate = new();

    public RecordingLogSink(IClock clock, int capacity = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _clock = clock;
        _capacity = capacity;
    }

    /// <summary>Raised on the writer's thread after a line is recorded.</summary>
    public event Action<LogLine>? LineWritten;

    public void Write(string source, string line)
    {
        var entry = new LogLine(_clock.NowMs, source ?? "", line ?? "");
        lock (_gate)
        {
            if (_lines.Count == _capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(entry);
        }

        LineWritten?.Invoke(entry);
    }

    public IReadOnlyList<LogLine> Lines()
    {
        lock (_gate)
        {
            return _lines.ToArray();
        }
    }
}
