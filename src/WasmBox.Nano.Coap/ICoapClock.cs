namespace WasmBox.Nano.Coap
{
    /// <summary>Milliseconds for the server's transfer timeouts (a stepped clock in tests).</summary>
    public interface ICoapClock
    {
        long NowMs { get; }
    }

    /// <summary>The system clock: UTC ticks in milliseconds.</summary>
    public sealed class SystemCoapClock : ICoapClock
    {
        public long NowMs { get { return System.DateTime.UtcNow.Ticks / System.TimeSpan.TicksPerMillisecond; } }
    }
}
