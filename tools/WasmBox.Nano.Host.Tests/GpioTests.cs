using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Host.Tests.Support;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Tests;

public sealed class GpioTests : IDisposable
{
    private readonly SteppedClock _clock = new(1000);
    private readonly SimulatedBoard _board;

    public GpioTests()
    {
        _board = new SimulatedBoard(ProfileJson.Load("esp32-devkitc"), new SimulatedBoardOptions { Clock = _clock });
    }

    private SimulatedGpio Gpio => _board.Gpio;

    public void Dispose() => _board.Dispose();

    [Theory]
    [InlineData(20, PinDriveMode.Input, false)]        // not on the board
    [InlineData(6, PinDriveMode.Input, false)]         // reserved: SPI flash
    [InlineData(34, PinDriveMode.Output, false)]       // input only
    [InlineData(34, PinDriveMode.InputPullUp, false)]  // no internal pulls
    [InlineData(34, PinDriveMode.Input, true)]
    [InlineData(13, PinDriveMode.InputPullDown, true)]
    [InlineData(13, PinDriveMode.Output, true)]
    public void PinsOpenOnlyInModesTheirCapabilitiesAllow(int pin, PinDriveMode mode, bool allowed)
    {
        Assert.Equal(allowed, Gpio.IsModeSupported(pin, mode));
        Assert.Equal(allowed, Gpio.OpenPin(pin, mode));
        Assert.Equal(allowed ? mode : null, Gpio.Snapshot().FirstOrDefault(p => p.Number == pin)?.Mode);
    }

    [Fact]
    public void WritingAnInputIsRefusedCountedAndLogged()
    {
        Assert.True(Gpio.OpenPin(13, PinDriveMode.InputPullDown));

        Gpio.Write(13, true);

        Assert.False(Gpio.Read(13));
        Assert.Equal(1, Gpio.RejectedOperations);
        Assert.Contains(_board.Log.Lines(), l => l.Source == "gpio" && l.Text.Contains("pin 13"));
    }

    [Fact]
    public void ReadingAClosedPinIsRefused()
    {
        Assert.True(Gpio.OpenPin(13, PinDriveMode.InputPullUp));
        Assert.True(Gpio.Read(13));
        Gpio.ClosePin(13);

        Assert.False(Gpio.Read(13));
        Assert.Equal(1, Gpio.RejectedOperations);
    }

    [Fact]
    public void OutputsReadBackAndDriveTheirLed()
    {
        Assert.True(Gpio.OpenPin(2, PinDriveMode.Output));
        Assert.False(Gpio.IsLedOn("led0"));

        Gpio.Write(2, true);

        Assert.True(Gpio.Read(2));
        Assert.True(Gpio.IsLedOn("led0"));
        PinState state = Gpio.Snapshot().Single(p => p.Number == 2);
        Assert.Equal(("led0", true, PinDriveMode.Output), (state.Led, state.Level, state.Mode!.Value));
    }

    [Fact]
    public void PullsSetTheIdleLevelOfAnUndrivenInput()
    {
        Assert.True(Gpio.OpenPin(13, PinDriveMode.InputPullUp));
        Assert.True(Gpio.Read(13));
        Assert.True(Gpio.OpenPin(13, PinDriveMode.InputPullDown));
        Assert.False(Gpio.Read(13));
    }

    [Fact]
    public void PressingAnActiveLowButtonGivesAFallingThenARisingEdge()
    {
        var handler = new RecordingEdgeHandler();
        Assert.True(Gpio.OpenPin(0, PinDriveMode.InputPullUp));
        Gpio.SetEdgeHandler(0, handler);

        Assert.True(Gpio.PressButton("boot"));
        Assert.False(Gpio.Read(0));
        Assert.True(Gpio.Snapshot().Single(p => p.Number == 0).ButtonPressed);
        _clock.Advance(250);
        Assert.True(Gpio.ReleaseButton("boot"));

        Assert.Equal([new Edge(0, false, 1000), new Edge(0, true, 1250)], handler.Edges);
    }

    [Fact]
    public void NoEdgeWithoutALevelChangeOrAfterTheHandlerIsRemoved()
    {
        var handler = new RecordingEdgeHandler();
        Assert.True(Gpio.OpenPin(0, PinDriveMode.Input));
        Gpio.SetEdgeHandler(0, handler);

        Gpio.ReleaseButton("boot");      // already released: no change
        Gpio.SetEdgeHandler(0, null);
        Gpio.ClickButton("boot");

        Assert.Empty(handler.Edges);
        Assert.False(Gpio.PressButton("no-such-button"));
    }

    [Fact]
    public void EdgeHandlersNeedAnOpenInput()
    {
        var handler = new RecordingEdgeHandler();
        Assert.True(Gpio.OpenPin(4, PinDriveMode.Output));

        Gpio.SetEdgeHandler(4, handler);    // output
        Gpio.SetEdgeHandler(5, handler);    // closed
        Gpio.SetEdgeHandler(99, handler);   // absent

        Assert.Equal(3, Gpio.RejectedOperations);
        Assert.DoesNotContain(Gpio.Snapshot(), p => p.HasEdgeHandler);
    }

    [Fact]
    public void AWiredOutputDrivesTheInputAndRaisesEdges()
    {
        var handler = new RecordingEdgeHandler();
        Assert.True(Gpio.Wire(4, 5));
        Assert.True(Gpio.OpenPin(4, PinDriveMode.Output));
        Assert.True(Gpio.OpenPin(5, PinDriveMode.Input));
        Gpio.SetEdgeHandler(5, handler);

        Gpio.Write(4, true);
        _clock.Advance(10);
        Gpio.Write(4, false);

        Assert.Equal([new Edge(5, true, 1000), new Edge(5, false, 1010)], handler.Edges);
        Assert.False(Gpio.Wire(13, 5));     // already driven
        Assert.False(Gpio.Wire(34, 13));    // input-only pin cannot drive
        Assert.False(Gpio.DriveInput(5, true));
    }

    [Fact]
    public void ATestCanDriveAnInputFromOutside()
    {
        var handler = new RecordingEdgeHandler();
        Assert.True(Gpio.OpenPin(34, PinDriveMode.Input));
        Gpio.SetEdgeHandler(34, handler);

        Assert.True(Gpio.DriveInput(34, true));
        Assert.True(Gpio.Read(34));
        Assert.True(Gpio.DriveInput(34, null));

        Assert.Equal([true, false], handler.Edges.Select(e => e.Rising));
        Assert.False(Gpio.DriveInput(0, true));   // the button owns that pin
        Assert.False(Gpio.DriveInput(1, true));   // output-only pin
    }

    [Fact]
    public void AHandlerMayCallBackIntoTheGpio()
    {
        Assert.True(Gpio.OpenPin(2, PinDriveMode.Output));
        Assert.True(Gpio.OpenPin(0, PinDriveMode.InputPullUp));
        Gpio.SetEdgeHandler(0, new LedFollowsButton(Gpio));

        Gpio.PressButton("boot");

        Assert.True(Gpio.IsLedOn("led0"));
    }

    [Fact]
    public void ConcurrentTogglingDeliversEveryEdge()
    {
        int[][] pairs = [[4, 5], [13, 14], [18, 19], [21, 22]];
        var handler = new RecordingEdgeHandler();
        foreach (int[] pair in pairs)
        {
            Assert.True(Gpio.Wire(pair[0], pair[1]));
            Assert.True(Gpio.OpenPin(pair[0], PinDriveMode.Output));
            Assert.True(Gpio.OpenPin(pair[1], PinDriveMode.Input));
            Gpio.SetEdgeHandler(pair[1], handler);
        }

        Parallel.ForEach(pairs, pair =>
        {
            for (int i = 0; i < 500; i++)
            {
                Gpio.Write(pair[0], i % 2 == 0);
            }
        });

        foreach (int[] pair in pairs)
        {
            Edge[] edges = handler.Edges.Where(e => e.Pin == pair[1]).ToArray();
            Assert.Equal(500, edges.Length);
            Assert.True(edges.Select((e, i) => e.Rising == (i % 2 == 0)).All(ok => ok));
        }
    }

    private sealed class LedFollowsButton(SimulatedGpio gpio) : IGpioEdgeHandler
    {
        public void OnEdge(int pin, bool rising, long timestampMs) => gpio.Write(2, !rising);
    }
}
