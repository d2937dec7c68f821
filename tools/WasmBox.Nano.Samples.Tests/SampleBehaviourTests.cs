using System.Text;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Samples.Tests.Support;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Samples.Tests;

/// <summary>
/// What each clang-built sample observably does on the simulated board, checked against
/// expectations written out here (not derived from the samples' own C).
/// </summary>
public class SampleBehaviourTests
{
    private static string Text(byte[] bytes) => Encoding.ASCII.GetString(bytes);

    /// <summary>Fletcher-32 over little-endian 16-bit words, straight from the definition.</summary>
    private static uint Fletcher32(byte[] data)
    {
        uint sum1 = 0xffff, sum2 = 0xffff;
        for (int i = 0; i + 1 < data.Length; i += 2)
        {
            sum1 = (sum1 + (uint)(data[i] | data[i + 1] << 8)) % 0xffff;
            sum2 = (sum2 + sum1) % 0xffff;
        }
        // The folding variant keeps 0xffff where the modulo gives 0.
        return (sum2 == 0 ? 0xffff : sum2) << 16 | (sum1 == 0 ? 0xffff : sum1);
    }

    [SkippableFact]
    public void Fletcher32ChecksumsEachPayload()
    {
        using RuntimeScenario run = RuntimeScenario.Run(SampleScenarios.FletcherPayloads);
        uint[] expected = SampleScenarios.FletcherPayloads.Runs
            .Select(r => Fletcher32(r.Payload.Length > 512 ? r.Payload[..512] : r.Payload)).ToArray();
        uint[] actual = run.Trace.Where(l => l.StartsWith("run ")).Select(l => (uint)long.Parse(l[(l.IndexOf('=') + 1)..])).ToArray();
        Assert.Equal(expected, actual);
        Assert.Equal(0x2926c6c4u, expected[0]); // "abcde" by hand: words 0x6261, 0x6463; the odd "e" is ignored
    }

    [SkippableFact]
    public void Fletcher32MatchesThePublishedBenchmarkValue()
    {
        string input = Path.Combine(SamplePaths.Root, "..", "bench", "inputs", "fletcher32.txt");
        Skip.IfNot(File.Exists(input), "tools/bench/inputs/fletcher32.txt is not there");
        var scenario = new Scenario("benchmark", SampleCatalog.Fletcher32,
            [SampleRun.Message(SampleScenarios.DataTopic, File.ReadAllBytes(input))], Scenario.NoSensors, []);
        using RuntimeScenario run = RuntimeScenario.Run(scenario);
        Assert.Equal(0x5bac8c3dUL, run.Container.LastResult);
    }

    [SkippableFact]
    public void ThresholdAlarmPublishesAndDrivesThePinOnlyOnCrossings()
    {
        using RuntimeScenario run = RuntimeScenario.Run(SampleScenarios.AlarmCrossings);
        Assert.Equal(["ALARM 26.00", "CLEAR 23.90", "ALARM 27.00"], run.Device.Published.Select(m => Text(m.Payload)));
        Assert.All(run.Device.Published, m => Assert.Equal("initech/alarm", run.Device.AppTopic(m.Topic)));
        Assert.True(run.Device.Board.Gpio.Read(4));
        Assert.Equal(1u, run.Container.LocalStore.Fetch(1));
        Assert.Equal(2700UL, run.Container.LastResult);
    }

    [SkippableFact]
    public void ThresholdAlarmFormatsNegativeTemperatures()
    {
        using RuntimeScenario run = RuntimeScenario.Run(SampleScenarios.AlarmNegative);
        Assert.Equal(["ALARM 25.01", "CLEAR -12.34"], run.Device.Published.Select(m => Text(m.Payload)));
        Assert.Equal(-1234L, (long)run.Container.LastResult);
        Assert.False(run.Device.Board.Gpio.Read(4));
    }

    [SkippableFact]
    public void ThresholdAlarmRescalesReadingsThatDoNotFitPhydat()
    {
        // 400.00 °C does not fit phydat's int16 in hundredths: the board sends 4000 at scale -1.
        var scenario = SampleScenarios.AlarmCrossings with
        {
            Runs = [SampleRun.Timer(1000)],
            SensorValues = new Dictionary<string, int[]> { ["temp0"] = [40000] },
        };
        using RuntimeScenario run = RuntimeScenario.Run(scenario);
        Assert.Equal(40000L, (long)run.Container.LastResult);
        // fmt_s16_dfp takes an int16: the message shows the reading wrapped, as RIOT's would.
        Assert.Single(run.Device.Published);
    }

    [SkippableFact]
    public void BlinkerTogglesTheLedAndLogsItsCount()
    {
        using RuntimeScenario run = RuntimeScenario.Run(SampleScenarios.BlinkerNine);
        long[] levels = run.Trace.Where(l => l.StartsWith("run ")).Select(l => long.Parse(l[(l.IndexOf('=') + 1)..])).ToArray();
        Assert.Equal([1, 0, 1, 0, 1, 0, 1, 0, 1], levels);
        Assert.True(run.Device.Board.Gpio.IsLedOn("led0"));
        Assert.Equal(5u, run.Container.LocalStore.Fetch(1));
        Assert.Contains(run.Device.Board.Log.Lines(), l => l.Source == "acme/blinker" && l.Text == "led on 4 times");
    }

    [SkippableFact]
    public void CoapResponderAnswersWithTheReadingAndRequestCount()
    {
        using RuntimeScenario run = RuntimeScenario.Run(SampleScenarios.CoapThreeGets);
        string[] coap = run.Trace.Where(l => l.StartsWith("coap ")).ToArray();
        Assert.Equal(3, coap.Length);
        Assert.All(coap, l => Assert.StartsWith("coap 69 0 ", l)); // 2.05 Content, text/plain
        Assert.Equal(["21.50 C #1", "-3.05 C #2", "29.99 C #3"],
            coap.Select(l => Text(Convert.FromHexString(l.Split(' ')[3]))));
    }

    [SkippableFact]
    public void CoapResponderWithoutItsSensorAnswersBadRequest()
    {
        using var device = new SimulatedDevice();
        var spec = SampleCatalog.CoapTemp with { Sensors = [] };
        var installed = SampleInstaller.Install(device.Runtime, spec, SampleBuilds.Build(SampleCatalog.CoapTemp).Image);
        Assert.True(installed.Ok, installed.Reason);
        var response = new WasmBox.Nano.Runtime.Containers.CoapResponse(64);
        Assert.True(device.Runtime.HandleCoap(SampleScenarios.TempPath, [], 0, response));
        Assert.Equal(0x80, response.Code);
        Assert.Equal(0, response.PayloadLength);
    }

    [SkippableFact]
    public void ButtonCounterCountsPressesNotReleases()
    {
        using RuntimeScenario run = RuntimeScenario.Run(SampleScenarios.ButtonThreeClicks);
        long[] counts = run.Trace.Where(l => l.StartsWith("run ")).Select(l => long.Parse(l[(l.IndexOf('=') + 1)..])).ToArray();
        Assert.Equal([1, 1, 2, 2, 3, 3], counts);
        Assert.Equal(3u, run.Container.LocalStore.Fetch(0x42));
        Assert.Equal(3u, run.Container.Tenant.GlobalStore.Fetch(0x42));
    }

    [SkippableFact]
    public void FemtoEventCounterKeepsOneCounterPerHookKind()
    {
        using RuntimeScenario run = RuntimeScenario.Run(SampleScenarios.EventsMixed);
        var global = run.Container.Tenant.GlobalStore;
        Assert.Equal(4u, global.Fetch(0x100 + (uint)HookKind.Timer));
        Assert.Equal(10u, global.Fetch(0x100 + (uint)HookKind.GpioEdge));
        Assert.Contains(run.Device.Board.Log.Lines(), l => l.Source == "globex/event_counter" && l.Text == "event 2 seen 10 times\n");
    }

    [SkippableFact]
    public void FemtoSensorReaderStoresTheAverageAndItsWakeupTime()
    {
        using RuntimeScenario run = RuntimeScenario.Run(SampleScenarios.SensorReaderThree);
        var global = run.Container.Tenant.GlobalStore;
        Assert.Equal(600u, global.Fetch(0x10));
        // The last run is at 3 000 ms (three 1 s periods); four periodic wake-ups of 10 ms advance the microsecond stamp.
        Assert.Equal(3_000u * 1000 + 4 * 10_000, global.Fetch(0x11));
        Assert.Equal(VmStatus.Ok, run.Container.LastStatus);
    }
}
