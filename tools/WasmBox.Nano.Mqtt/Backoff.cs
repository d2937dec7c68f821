namespace WasmBox.Nano.Mqtt;

/// <summary>
/// Waits that double after each failed try up to a ceiling, each with ±20 % jitter so that many
/// clients failing together (a broker restart, a fleet's start-up) do not all retry in step.
/// </summary>
public sealed class Backoff(TimeSpan first, TimeSpan max)
{
    private TimeSpan _next = first;

    /// <summary>The wait before the next try; the one after it is twice as long (up to the ceiling).</summary>
    public TimeSpan Next()
    {
        TimeSpan wait = _next * (0.8 + 0.4 * Random.Shared.NextDouble());
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, max.Ticks));
        return wait;
    }
}
