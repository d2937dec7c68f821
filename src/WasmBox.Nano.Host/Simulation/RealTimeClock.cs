using System.Diagnostics;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Simulation;

/// <summary>Milliseconds since the simulated board booted, at the host's real pace.</summary>
public sealed class RealTimeClock : IClock
{
    private readonly long _startTicks = Stopwatch.GetTimestamp();

    public long NowMs => (long)Stopwatch.GetElapsedTime(_startTicks).TotalMilliseconds;
}
