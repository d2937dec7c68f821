namespace WasmBox.Nano.Host.Profiles;

/// <summary>The profile's SPI buses, UARTs, PWM outputs and ADC inputs (members "spi", "uart", "pwm", "adc").</summary>
public sealed record PeripheralsSpec(IReadOnlyList<SpiBusSpec> Spi, IReadOnlyList<UartSpec> Uarts,
    IReadOnlyList<PwmSpec> Pwm, IReadOnlyList<AdcSpec> Adc)
{
    public static readonly PeripheralsSpec None = new([], [], [], []);
}

/// <summary>An SPI bus: its number, pins, and the chip selects a simulated part answers on.</summary>
public sealed record SpiBusSpec(int Bus, int Mosi, int Miso, int Sck, IReadOnlyList<SpiPartSpec> Devices);

/// <summary>A simulated SPI part: <c>loopback</c> (MISO wired to MOSI while selected) on a chip-select pin.</summary>
public sealed record SpiPartSpec(string Part, int ChipSelect);

/// <summary>A UART: its number, pins, and what is wired to it (<c>loopback</c>: TX to RX).</summary>
public sealed record UartSpec(int Port, int Tx, int Rx, string Part);

/// <summary>A PWM output channel on a pin.</summary>
public sealed record PwmSpec(int Channel, int Pin);

/// <summary>
/// An ADC input channel on a pin: <see cref="Bits"/> of resolution over 0 to
/// <see cref="ReferenceMillivolts"/>, seeing <see cref="Millivolts"/> (a signal in mV).
/// </summary>
public sealed record AdcSpec(int Channel, int Pin, int Bits, int ReferenceMillivolts, SignalSpec Millivolts);

/// <summary>The parts the simulator puts on SPI buses and UARTs.</summary>
public static class PeripheralParts
{
    public const string Loopback = "loopback";

    public static readonly IReadOnlyList<string> All = [Loopback];
}
