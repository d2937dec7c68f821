using WasmBox.Nano.Host.Messaging;
using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Tests;

public class SimulatedBoardTests
{
    [Fact]
    public void ABoardIsBuiltFromAProfileName()
    {
        var clock = new SteppedClock();
        Assert.True(SimulatedBoard.TryCreate("esp32-devkitc", new SimulatedBoardOptions { Clock = clock }, out SimulatedBoard? board, out var errors));
        Assert.Empty(errors);
        using (board)
        {
            IBoard asRuntimeSeesIt = board;

            Assert.Equal("sim-esp32-devkitc", asRuntimeSeesIt.DeviceId);
            Assert.Equal(81920 - 28672, asRuntimeSeesIt.HeapBudgetBytes);
            Assert.Same(board.Gpio, asRuntimeSeesIt.Gpio);
            Assert.Same(board.Sensors, asRuntimeSeesIt.Sensors);
            Assert.Same(clock, asRuntimeSeesIt.Clock);
            Assert.Same(board.Log, asRuntimeSeesIt.Log);
            Assert.IsType<DirectoryStorage>(asRuntimeSeesIt.Storage);
            Assert.NotNull(board.Messages);
        }
    }

    [Fact]
    public void AnUnknownProfileGivesErrorsAndNoBoard()
    {
        Assert.False(SimulatedBoard.TryCreate("esp9000", null, out SimulatedBoard? board, out var errors));
        Assert.Null(board);
        Assert.Equal("$", Assert.Single(errors).Path);
    }

    [Fact]
    public void TheTemporaryDriveIsRemovedOnDisposeButAGivenOneIsKept()
    {
        string kept = Directory.CreateTempSubdirectory("wbx-kept-").FullName;
        try
        {
            string temporary;
            using (var board = new SimulatedBoard(HardwareProfiles.Load("esp32-wrover-kit").Profile!))
            {
                temporary = ((DirectoryStorage)board.Storage).RootDirectory;
                Assert.True(board.Storage.Write("x", [1], 0, 1));
            }

            using (var board = new SimulatedBoard(HardwareProfiles.Load("esp32-wrover-kit").Profile!, new SimulatedBoardOptions { StorageDirectory = kept }))
            {
                Assert.True(board.Storage.Write("x", [1], 0, 1));
            }

            Assert.False(Directory.Exists(temporary));
            Assert.True(File.Exists(Path.Combine(kept, "x")));
        }
        finally
        {
            Directory.Delete(kept, recursive: true);
        }
    }

    [Fact]
    public void ABoardWithoutNetworkOrStorageHasNeither()
    {
        using var board = new SimulatedBoard(HardwareProfiles.Load("nucleo-f091rc").Profile!);

        Assert.Null(board.Messages);
        Assert.IsType<UnavailableStorage>(board.Storage);
        Assert.False(board.Storage.Write("x", [1], 0, 1));
    }

    [Fact]
    public void BoardsCanShareABroker()
    {
        var broker = new LoopbackBroker();
        using var a = new SimulatedBoard(HardwareProfiles.Load("esp32-devkitc").Profile!, new SimulatedBoardOptions { Broker = broker, DeviceId = "a" });
        using var b = new SimulatedBoard(HardwareProfiles.Load("stm32f769i-discovery").Profile!, new SimulatedBoardOptions { Broker = broker, DeviceId = "b" });
        var topics = new List<string>();
        broker.MessagePublished += (topic, _) => topics.Add(topic);

        Assert.True(a.Messages!.Publish("wbx/a/telemetry", [1], 0, false));
        Assert.True(b.Messages!.Publish("wbx/b/telemetry", [1], 0, false));

        Assert.Equal(["wbx/a/telemetry", "wbx/b/telemetry"], topics);
    }

    [Fact]
    public void TheLogKeepsTheMostRecentLinesWithTheirTime()
    {
        var clock = new SteppedClock(5);
        var log = new RecordingLogSink(clock, capacity: 2);
        var heard = new List<string>();
        log.LineWritten += line => heard.Add(line.Text);

        log.Write("t1", "one");
        clock.Advance(1);
        log.Write("t1", "two");
        log.Write("t2", "three");

        Assert.Equal([new LogLine(6, "t1", "two"), new LogLine(6, "t2", "three")], log.Lines());
        Assert.Equal(["one", "two", "three"], heard);
    }

    [Fact]
    public void ASteppedClockOnlyMovesForward()
    {
        var clock = new SteppedClock(10);

        Assert.Equal(15, clock.Advance(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(-1));
        Assert.Equal(15, clock.NowMs);
    }
}
