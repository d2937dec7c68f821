namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>One analog input of the board, on one pin.</summary>
    public interface IAdcChannel
    {
        /// <summary>The channel number manifests and policies name.</summary>
        int Number { get; }

        int Pin { get; }

        /// <summary>The converter's resolution: readings are 0 to 2^bits - 1.</summary>
        int ResolutionBits { get; }

        /// <summary>
        /// One conversion. Returns the raw reading (0 or more) or a negative errno.
        /// <paramref name="micros"/> is how long the conversion took.
        /// </summary>
        int Read(out int micros);
    }
}
