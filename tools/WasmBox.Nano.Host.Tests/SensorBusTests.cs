using WasmBox.Nano.TestSupport;
using FsCheck.Fluent;
using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Host.Tests.Support;

namespace WasmBox.Nano.Host.Tests;

public class SensorBusTests
{
    private static (SimulatedBoard Board, SteppedClock Clock) Board(string profile)
    {
        var clock = new SteppedClock();
        return (new SimulatedBoard(ProfileJson.Load(profile), new SimulatedBoardOptions { Clock = clock }), clock);
    }

    private static int ReadAt(SimulatedBoard board, SteppedClock clock, string name, long atMs)
    {
        clock.Advance(atMs - clock.NowMs);
        Assert.True(board.Sensors.Read(board.Sensors.IndexOf(name), out int value, out _));
        return value;
    }

    [Theory]
    [InlineData("temp0", 0, 2150)]        // sine: offset 21.50 °C
    [InlineData("temp0", 15000, 2450)]    // a quarter period: offset + amplitude
    [InlineData("temp0", 45000, 1850)]
    [InlineData("temp0", 60000, 2150)]
    [InlineData("hum0", 0, 400)]          // ramp 40.0 -> 60.0 %RH over 120 s
    [InlineData("hum0", 60000, 500)]
    [InlineData("hum0", 119999, 599)]
    [InlineData("hum0", 120000, 400)]
    [InlineData("light0", 0, 800)]        // square: high for the first half of 10 s
    [InlineData("light0", 4999, 800)]
    [InlineData("light0", 5000, 50)]
    [InlineData("light0", 10000, 800)]
    public void Esp32SensorsFollowTheirSignalsExactlyOnASteppedClock(string sensor, long atMs, int expected)
    {
        var (board, clock) = Board("esp32-devkitc");
        using (board)
        {
            Assert.Equal(expected, ReadAt(board, clock, sensor, atMs));
        }
    }

    [Fact]
    public void StepAndConstantSignals()
    {
        var (board, clock) = Board("stm32f769i-discovery");
        using (board)
        {
            Assert.Equal(10132, ReadAt(board, clock, "press0", 29999));
            Assert.Equal(9980, ReadAt(board, clock, "press0", 30000));
            Assert.Equal(2048, ReadAt(board, clock, "pot0", 123456));
        }
    }

    [Fact]
    public void ReadsCarryTheProfileScaleAndTypesAreSaulClasses()
    {
        var (board, _) = Board("esp32-devkitc");
        using (board)
        {
            SimulatedSensorBus bus = board.Sensors;

            Assert.Equal(4, bus.Count);
            Assert.Equal(["temp0", "hum0", "light0", "relay0"], Enumerable.Range(0, 4).Select(bus.NameOf));
            Assert.Equal([0x82, 0x83, 0x84, 0x45], Enumerable.Range(0, 4).Select(bus.TypeOf));
            Assert.True(bus.Read(0, out _, out int scale));
            Assert.Equal(-2, scale);
            Assert.False(bus.Read(4, out _, out _));
            Assert.False(bus.Read(-1, out _, out _));
            Assert.Null(bus.NameOf(4));
            Assert.Equal(0, bus.TypeOf(4));
        }
    }

    [Fact]
    public void ActuatorsAcceptWritesInRangeAndReadThemBack()
    {
        var (board, _) = Board("esp32-devkitc");
        using (board)
        {
            SimulatedSensorBus bus = board.Sensors;
            int relay = bus.IndexOf("relay0");

            Assert.True(bus.Read(relay, out int initial, out _));
            Assert.Equal(0, initial);
            Assert.True(bus.Write(relay, 1));
            Assert.False(bus.Write(relay, 2));
            Assert.False(bus.Write(bus.IndexOf("temp0"), 1));
            Assert.False(bus.Write(99, 1));
            Assert.True(bus.Read(relay, out int value, out _));
            Assert.Equal(1, value);
        }
    }

    [Fact]
    public void SignalsAreDeterministicAndStayInTheirRange()
    {
        var sine = new SineSignal(Offset: 2150, Amplitude: 300, PeriodMs: 60000, PhaseMs: 7);
        var ramp = new RampSignal(From: 600, To: 400, PeriodMs: 999);
        var square = new SquareSignal(Low: -5, High: 5, PeriodMs: 1000, DutyPercent: 30);

        PropertyRunner.Check(Gen.Choose(0, int.MaxValue).Select(t => (long)t * 3), 2000, 0x5EED_0402, t =>
        {
            Assert.Equal(sine.ValueAt(t), new SineSignal(2150, 300, 60000, 7).ValueAt(t));
            Assert.InRange(sine.ValueAt(t), 1850, 2450);
            Assert.InRange(ramp.ValueAt(t), 401, 600);
            Assert.Equal(t % 1000 < 300 ? 5 : -5, square.ValueAt(t));
        });
    }
}
