using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Device.Buses
{
    /// <summary>
    /// Bus time as the adapters report it. The board clock counts milliseconds, so a transfer shorter than
    /// one reads as 0 and the runtime charges its wire-time estimate instead (BusTime); a clock-stretching
    /// device or a slow UART shows up as measured.
    /// </summary>
    public static class BusClock
    {
        /// <summary>Microseconds since <paramref name="startMs"/> on <paramref name="clock"/> (0 if it went backwards, capped at int.MaxValue).</summary>
        public static int MicrosSince(IClock clock, long startMs)
        {
            long ms = clock.NowMs - startMs;
            if (ms <= 0)
            {
                return 0;
            }
            return ms >= int.MaxValue / 1000 ? int.MaxValue : (int)ms * 1000;
        }

        /// <summary>Time <paramref name="bytes"/> take on the wire at <paramref name="baud"/>, 8N1 (10 bits a byte), rounded up.</summary>
        public static int UartWireMicros(int baud, int bytes)
        {
            return (int)(((long)bytes * 10 * 1000000 + baud - 1) / baud);
        }

        /// <summary>SerialPort.ReadTimeout for a wait of <paramref name="micros"/>: milliseconds rounded up, never negative.</summary>
        public static int ReadTimeoutMs(int micros)
        {
            return micros <= 0 ? 0 : (int)(((long)micros + 999) / 1000);
        }
    }
}
