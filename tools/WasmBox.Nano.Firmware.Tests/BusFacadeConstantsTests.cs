using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Device.Buses;
using WasmBox.Nano.Device.Esp32;
using WasmBox.Nano.Firmware.Tests.Support;
using WasmBox.Nano.Gate;

namespace WasmBox.Nano.Firmware.Tests;

/// <summary>
/// The device's bus logic keeps nanoFramework enum values as numbers (so it runs in the nanoCLR tests, which
/// have no bus assemblies); here every number is compared with the enum member of the facade it stands for.
/// </summary>
public class BusFacadeConstantsTests
{
    static readonly FacadeLibrary Facades = new(Repository.Facades);

    [Fact]
    public void I2c_status_and_speed_numbers_are_the_facade_enums()
    {
        (string Type, string Member, int Ours)[] table =
        [
            ("I2cTransferStatus", "UnknownError", I2cStatus.UnknownError),
            ("I2cTransferStatus", "FullTransfer", I2cStatus.FullTransfer),
            ("I2cTransferStatus", "ClockStretchTimeout", I2cStatus.ClockStretchTimeout),
            ("I2cTransferStatus", "PartialTransfer", I2cStatus.PartialTransfer),
            ("I2cTransferStatus", "SlaveAddressNotAcknowledged", I2cStatus.SlaveAddressNotAcknowledged),
            ("I2cBusSpeed", "StandardMode", I2cStatus.StandardMode),
            ("I2cBusSpeed", "FastMode", I2cStatus.FastMode),
            ("I2cBusSpeed", "FastModePlus", I2cStatus.FastModePlus),
        ];

        Assert.All(table, row => Assert.True(Value("System.Device.I2c", "System.Device.I2c." + row.Type, row.Member) == row.Ours, row.Type + "." + row.Member));
    }

    [Fact]
    public void Esp32_bus_pin_plan_uses_the_facade_device_functions()
    {
        var board = new BoardDescription
        {
            I2cBuses = [new I2cBusDescription(0, 21, 22), new I2cBusDescription(1, 25, 26)],
            SpiBuses = [new SpiBusDescription(0, 23, 19, 18), new SpiBusDescription(1, 13, 12, 14)],
            Uarts = [new UartDescription(0, 17, 16), new UartDescription(1, 4, 5), new UartDescription(2, 27, 32)],
            PwmChannels = Enumerable.Range(0, Esp32BusPins.PwmOutputs).Select(n => new PwmChannelDescription(n, 100 + n)).ToArray(),
            AdcChannels = [],
            PinFunctions = [],
        };
        string[] expected =
        [
            "I2C1_DATA", "I2C1_CLOCK", "I2C2_DATA", "I2C2_CLOCK",
            "SPI1_MOSI", "SPI1_MISO", "SPI1_CLOCK", "SPI2_MOSI", "SPI2_MISO", "SPI2_CLOCK",
            "COM2_TX", "COM2_RX", "COM3_TX", "COM3_RX", "COM4_TX", "COM4_RX",
            .. Enumerable.Range(1, Esp32BusPins.PwmOutputs).Select(n => "PWM" + n),
        ];

        Assert.Null(Esp32BusPins.Problem(board));
        PinFunction[] plan = Esp32BusPins.Plan(board);

        Assert.Equal(expected.Select(name => Value("nanoFramework.Hardware.Esp32", "nanoFramework.Hardware.Esp32.DeviceFunction", name)),
            plan.Select(f => f.Function));
        Assert.Equal([21, 22, 25, 26, 23, 19, 18, 13, 12, 14, 17, 16, 4, 5, 27, 32, .. Enumerable.Range(100, Esp32BusPins.PwmOutputs)],
            plan.Select(f => f.Pin));
    }

    int Value(string assembly, string type, string member)
    {
        var compilation = CSharpCompilation.Create("FacadeConstants", [], [Facades.Get(FacadeLibrary.CoreLibrary), Facades.Get(assembly)]);
        INamedTypeSymbol symbol = compilation.GetTypeByMetadataName(type) ?? throw new InvalidOperationException(type + " not in the " + assembly + " facade");
        return (int)symbol.GetMembers(member).OfType<IFieldSymbol>().Single().ConstantValue!;
    }
}
