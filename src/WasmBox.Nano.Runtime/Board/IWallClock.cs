namespace WasmBox.Nano.Runtime.Board
{
    /// <summary>
    /// UTC time of day, for rules such as "no actuation at night". Optional: a board learns it
    /// from SNTP or an RTC; until then policies see 0 and must decide without it.
    /// </summary>
    public interface IWallClock
    {
        /// <summary>Seconds since 1970-01-01T00:00:00Z, or 0 when not known yet.</summary>
        long UnixSeconds { get; }
    }
}
