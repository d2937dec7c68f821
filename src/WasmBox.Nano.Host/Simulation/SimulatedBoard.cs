using System.Diagnostics.CodeAnalysis;
using WasmBox.Nano.Host.Messaging;
using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Host.Simulation.Buses;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;

namespace WasmBox.Nano.Host.Simulation;

/// <summary>How to build a <see cref="SimulatedBoard"/>; every member has a usable default.</summary>
public sealed record SimulatedBoardOptions
{
    /// <summary>Defaults to "sim-" + the profile id.</summary>
    public string? DeviceId { get; init; }

    /// <summary>Defaults to a <see cref="RealTimeClock"/>; pass a <see cref="SteppedClock"/> for deterministic runs.</summary>
    public IClock? Clock { get; init; }

    /// <summary>Where the board's drive lives; defaults to a fresh temporary directory removed on Dispose.</summary>
    public string? StorageDirectory { get; init; }

    /// <summary>The broker the board's network talks to; defaults to a private one. Ignored without a network.</summary>
    public LoopbackBroker? Broker { get; init; }

    public int LogCapacity { get; init; } = 1000;
}

/// <summary>
/// A board built from a hardware profile, implementing the runtime's <see cref="IBoard"/>:
/// GPIO with the profile's pins, LEDs and buttons, its sensors and actuators, a clock, storage
/// in a directory (none when the profile has none), a recording log and, when the profile has a
/// network, a loopback message transport; its I2C buses with the simulated parts on them, and its
/// SPI buses, UARTs, PWM outputs and ADC inputs.
/// </summary>
public sealed class SimulatedBoard : IBoard, IBusBoard, IDisposable
{
    private readonly string? _ownedStorageDirectory;

    public SimulatedBoard(HardwareProfile profile, SimulatedBoardOptions? options = null)
    {
        options ??= new SimulatedBoardOptions();
        Profile = profile;
        DeviceId = options.DeviceId ?? "sim-" + profile.Id;
        Clock = options.Clock ?? new RealTimeClock();
        Log = new RecordingLogSink(Clock, options.LogCapacity);
        Gpio = new SimulatedGpio(profile, Clock, message => Log.Write("gpio", message));
        Sensors = new SimulatedSensorBus(profile, Clock);
        I2cBuses = profile.I2cBuses.Select(b => new SimulatedI2cBus(b.Bus, b.Sda, b.Scl,
            b.Devices.Select(d => (ISimulatedI2cPart)new Sht3x(d, Clock)).ToArray())).ToArray();
        PeripheralsSpec peripherals = profile.Peripherals;
        SpiBuses = peripherals.Spi.Select(b => new SimulatedSpiBus(b)).ToArray();
        Uarts = peripherals.Uarts.Select(u => new SimulatedUart(u)).ToArray();
        PwmChannels = peripherals.Pwm.Select(c => new SimulatedPwm(c, Log)).ToArray();
        AdcChannels = peripherals.Adc.Select(c => new SimulatedAdc(c, Clock)).ToArray();
        if (profile.Storage.Kind == StorageKind.None)
        {
            Storage = new UnavailableStorage();
        }
        else
        {
            string directory = options.StorageDirectory ?? (_ownedStorageDirectory = NewTempDirectory(DeviceId));
            Storage = new DirectoryStorage(directory, profile.Storage.CapacityBytes);
        }

        if (profile.Network != NetworkKind.None)
        {
            Broker = options.Broker ?? new LoopbackBroker();
            Messages = Broker.Connect(DeviceId);
        }
    }

    /// <summary>
    /// Builds a board from a shipped profile id (e.g. "esp32-devkitc") or a profile file path.
    /// False, with the profile's errors, when it does not load.
    /// </summary>
    public static bool TryCreate(string profileNameOrPath, SimulatedBoardOptions? options,
        [NotNullWhen(true)] out SimulatedBoard? board, out IReadOnlyList<ProfileError> errors)
    {
        ProfileLoadResult result = HardwareProfiles.Load(profileNameOrPath);
        errors = result.Errors;
        board = result.Profile is null ? null : new SimulatedBoard(result.Profile, options);
        return board is not null;
    }

    public HardwareProfile Profile { get; }

    public string DeviceId { get; }

    public SimulatedGpio Gpio { get; }

    public SimulatedSensorBus Sensors { get; }

    public IClock Clock { get; }

    /// <summary>The profile's I2C buses with their simulated parts.</summary>
    public IReadOnlyList<SimulatedI2cBus> I2cBuses { get; }

    public IReadOnlyList<SimulatedSpiBus> SpiBuses { get; }

    public IReadOnlyList<SimulatedUart> Uarts { get; }

    /// <summary>The PWM outputs with their last setting.</summary>
    public IReadOnlyList<SimulatedPwm> PwmChannels { get; }

    public IReadOnlyList<SimulatedAdc> AdcChannels { get; }

    public IStorage Storage { get; }

    public RecordingLogSink Log { get; }

    /// <summary>The board's broker and its connection to it; null when the profile has no network.</summary>
    public LoopbackBroker? Broker { get; }

    public LoopbackTransport? Messages { get; }

    /// <summary>The managed heap left for containers (heap minus the runtime's reserve).</summary>
    public int HeapBudgetBytes => Profile.ContainerHeapBytes;

    IGpio IBoard.Gpio => Gpio;

    ISensorBus IBoard.Sensors => Sensors;

    ILogSink IBoard.Log => Log;

    public II2cBus? FindI2c(int number) => I2cBuses.FirstOrDefault(b => b.Number == number);

    public ISpiBus? FindSpi(int number) => SpiBuses.FirstOrDefault(b => b.Number == number);

    public IUartPort? FindUart(int number) => Uarts.FirstOrDefault(u => u.Number == number);

    public IPwmChannel? FindPwm(int number) => PwmChannels.FirstOrDefault(c => c.Number == number);

    public IAdcChannel? FindAdc(int number) => AdcChannels.FirstOrDefault(c => c.Number == number);

    public void Dispose()
    {
        if (_ownedStorageDirectory is not null)
        {
            try
            {
                Directory.Delete(_ownedStorageDirectory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover temp folder is harmless; the OS cleans its temp directory.
            }
        }
    }

    private static string NewTempDirectory(string deviceId) =>
        Directory.CreateTempSubdirectory("wbx-" + deviceId + "-").FullName;
}
