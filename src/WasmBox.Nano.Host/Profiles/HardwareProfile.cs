namespace WasmBox.Nano.Host.Profiles;

/// <summary>A board as described by a file in hw-profiles/ (see hw-profiles/README.md).</summary>
public sealed record HardwareProfile(
    string Id,
    string Name,
    string? Description,
    string Mcu,
    string NanoffTarget,
    MemorySpec Memory,
    IReadOnlyList<PinSpec> Pins,
    IReadOnlyList<LedSpec> Leds,
    IReadOnlyList<ButtonSpec> Buttons,
    IReadOnlyList<SensorSpec> Sensors,
    IReadOnlyList<ActuatorSpec> Actuators,
    NetworkKind Network,
    StorageSpec Storage,
    FeatureSet Features,
    LimitSpec Limits)
{
    /// <summary>Managed bytes left for containers once the runtime's own reserve is taken.</summary>
    public int ContainerHeapBytes => Memory.ManagedHeapBytes - Limits.RuntimeReserveBytes;

    public PinSpec? FindPin(int number) => Pins.FirstOrDefault(p => p.Number == number);

    /// <summary>I2C buses and the simulated parts on them; empty when the profile has none.</summary>
    public IReadOnlyList<I2cBusSpec> I2cBuses { get; init; } = [];

    /// <summary>SPI buses, UARTs, PWM and ADC channels; empty when the profile has none.</summary>
    public PeripheralsSpec Peripherals { get; init; } = PeripheralsSpec.None;
}

public sealed record MemorySpec(int FlashBytes, int RamBytes, ExternalRamSpec? ExternalRam, int ManagedHeapBytes);

public enum ExternalRamKind { Psram, Sdram }

public sealed record ExternalRamSpec(ExternalRamKind Kind, int Bytes);

[Flags]
public enum PinCapabilities
{
    None = 0,
    Input = 1,
    Output = 2,
    PullUp = 4,
    PullDown = 8,
    Pwm = 16,
    Adc = 32,
    Interrupt = 64,
}

public sealed record PinSpec(int Number, string Name, PinCapabilities Capabilities, bool Reserved, bool Strapping, string? Note)
{
    public bool Has(PinCapabilities capability) => (Capabilities & capability) == capability;
}

public enum ActiveLevel { High, Low }

public sealed record LedSpec(string Name, int Pin, ActiveLevel ActiveLevel, bool OnBoard, string? Color);

public sealed record ButtonSpec(string Name, int Pin, ActiveLevel ActiveLevel, bool OnBoard);

/// <summary>A simulated sensor: reads produce <see cref="Signal"/> at the board clock, as value * 10^scale.</summary>
public sealed record SensorSpec(string Name, string Type, string Unit, int Scale, bool OnBoard, SignalSpec Signal);

/// <summary>A simulated actuator: accepts writes within [Min, Max] and reads back the last value.</summary>
public sealed record ActuatorSpec(string Name, string Type, string Unit, int Scale, int Min, int Max, int Initial, bool OnBoard);

public enum NetworkKind { None, Wifi, Ethernet }

public enum StorageKind { None, InternalFlash, SdCard }

/// <summary>Persistent storage; Drive and CapacityBytes are absent when Kind is None.</summary>
public sealed record StorageSpec(StorageKind Kind, string? Drive, int CapacityBytes);

/// <summary>Which runtime features fit on the board.</summary>
public sealed record FeatureSet(bool Mqtt, bool MqttTls, bool Coap, bool PersistentStorage, bool SignedUpdates);

/// <summary>Inputs and result of the container-limit formula (<see cref="ContainerLimits"/>).</summary>
public sealed record LimitSpec(int RuntimeReserveBytes, int ContainerOverheadBytes, int MaxImageBytes, int StackFrames, int MaxContainers);
