namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// One SPI controller of the board. The runtime serialises access to it: <see cref="Transfer"/>
    /// is never called twice at once.
    /// </summary>
    public interface ISpiBus
    {
        /// <summary>The bus number manifests and policies name.</summary>
        int Number { get; }

        int MosiPin { get; }

        int MisoPin { get; }

        int ClockPin { get; }

        /// <summary>
        /// Full duplex: with <paramref name="chipSelectPin"/> asserted, shifts out
        /// <paramref name="length"/> bytes of <paramref name="write"/> while shifting the same number
        /// into <paramref name="read"/>, at <paramref name="clockHz"/> in SPI <paramref name="mode"/>
        /// (0-3). Returns 0 or a negative errno (-EIO). <paramref name="micros"/> is how long the
        /// transfer held the bus.
        /// </summary>
        int Transfer(int chipSelectPin, int clockHz, int mode, byte[] write, byte[] read, int length, out int micros);
    }
}
