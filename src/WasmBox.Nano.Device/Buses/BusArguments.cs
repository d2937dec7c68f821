using WasmBox.Nano.Runtime.Helpers;

namespace WasmBox.Nano.Device.Buses
{
    /// <summary>
    /// The checks an adapter makes before touching the hardware, so a value the driver would throw on
    /// (or silently clamp) becomes -EINVAL and changes nothing.
    /// </summary>
    public static class BusArguments
    {
        public const int MaxDuty = 10000;

        /// <summary>0, or -EINVAL for a frequency below 1 Hz or a duty outside 0-10,000.</summary>
        public static int Pwm(int frequencyHz, int dutyPerTenThousand)
        {
            return frequencyHz < 1 || dutyPerTenThousand < 0 || dutyPerTenThousand > MaxDuty ? -Errno.Invalid : 0;
        }

        /// <summary>The fraction System.Device.Pwm's DutyCycle takes (0.0-1.0).</summary>
        public static double DutyFraction(int dutyPerTenThousand)
        {
            return dutyPerTenThousand / (double)MaxDuty;
        }

        /// <summary>0, or -EINVAL for an SPI mode outside 0-3 or a clock below 1 Hz.</summary>
        public static int Spi(int clockHz, int mode)
        {
            return clockHz < 1 || mode < 0 || mode > 3 ? -Errno.Invalid : 0;
        }

        /// <summary>0, or -EINVAL for a baud rate below 1.</summary>
        public static int Uart(int baud)
        {
            return baud < 1 ? -Errno.Invalid : 0;
        }
    }
}
