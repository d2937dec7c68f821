using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Simulation;

/// <summary>A clock that moves only when told to, for deterministic tests and replays.</summary>
public sealed class SteppedClock : IClock
{
    private long _nowMs;

    public SteppedClock(long startMs = 0)
    {
        _nowMs = startMs;
    }

    public long NowMs => Interlocked.Read(ref _nowMs);

    /// <summary>Moves time forward; a clock never goes back.</summary>
    public long Advance(long ms)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ms);
        return Interlocked.Add(ref _nowMs, ms);
    }
}
