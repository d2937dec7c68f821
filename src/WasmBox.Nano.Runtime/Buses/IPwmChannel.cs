namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>One PWM output of the board, on one pin.</summary>
    public interface IPwmChannel
    {
        /// <summary>The channel number manifests and policies name.</summary>
        int Number { get; }

        int Pin { get; }

        /// <summary>
        /// Drives the pin at <paramref name="frequencyHz"/> with a duty cycle of
        /// <paramref name="dutyPerTenThousand"/>/10,000 (0 stops it low). Returns 0 or a negative
        /// errno (-EINVAL a frequency the hardware cannot make).
        /// </summary>
        int Set(int frequencyHz, int dutyPerTenThousand);
    }
}
