namespace WasmBox.Nano.Host.Profiles;

/// <summary>An I2C bus of the board (profile member "i2c"): its number, pins and the parts wired to it.</summary>
public sealed record I2cBusSpec(int Bus, int Sda, int Scl, IReadOnlyList<I2cPartSpec> Devices);

/// <summary>
/// A simulated part on a bus: which part (<see cref="I2cParts"/>), its 7-bit address, and the
/// signals its sensing elements see, in hundredths of the quantity's unit (°C, %RH).
/// </summary>
public sealed record I2cPartSpec(string Part, int Address, SignalSpec Temperature, SignalSpec Humidity);

/// <summary>The parts the simulator implements at register level.</summary>
public static class I2cParts
{
    /// <summary>Sensirion SHT3x-DIS humidity and temperature sensor (addresses 0x44 or 0x45).</summary>
    public const string Sht3x = "sht3x";

    public static readonly IReadOnlyList<string> All = [Sht3x];
}
