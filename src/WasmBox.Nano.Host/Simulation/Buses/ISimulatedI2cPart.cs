namespace WasmBox.Nano.Host.Simulation.Buses;

/// <summary>A part on a <see cref="SimulatedI2cBus"/>, modelled at the level of the bytes on the wire.</summary>
public interface ISimulatedI2cPart
{
    int Address { get; }

    /// <summary>The controller wrote these bytes after the address; false when the part NACKs one of them.</summary>
    bool Write(ReadOnlySpan<byte> data);

    /// <summary>
    /// The controller addressed the part for reading; false when the part NACKs its address (nothing to
    /// send). <paramref name="stretchMicros"/> is how long the part held SCL low before the first byte.
    /// </summary>
    bool Read(Span<byte> data, out int stretchMicros);
}
