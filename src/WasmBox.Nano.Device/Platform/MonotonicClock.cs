using System;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Device.Platform
{
    /// <summary>
    /// Milliseconds since boot from nanoFramework.Runtime.Native's Environment.TickCount64. Unlike
    /// DateTime.UtcNow it never jumps when SNTP or the RTC sets the wall clock, so budgets and timers hold.
    /// </summary>
    public sealed class MonotonicClock : IClock
    {
        public long NowMs { get { return Environment.TickCount64; } }
    }
}
