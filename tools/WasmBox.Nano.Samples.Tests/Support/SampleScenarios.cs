using System.Text;

namespace WasmBox.Nano.Samples.Tests.Support;

/// <summary>The inputs every well-behaved sample is run with, in the runtime and natively.</summary>
public static class SampleScenarios
{
    public const string DataTopic = "acme/data/in";
    public const string TempPath = "/initech/temp";
    public const int Button = 0;

    public static byte[] Text(string s) => Encoding.ASCII.GetBytes(s);

    /// <summary>n bytes of a fixed pseudo-random sequence (a small LCG: deterministic everywhere).</summary>
    public static byte[] Pattern(int n, uint seed)
    {
        var bytes = new byte[n];
        for (int i = 0; i < n; i++)
        {
            seed = seed * 1103515245 + 12345;
            bytes[i] = (byte)(seed >> 16);
        }
        return bytes;
    }

    public static readonly Scenario FletcherPayloads = new("payloads", SampleCatalog.Fletcher32,
    [
        SampleRun.Message(DataTopic, Text("abcde")),
        SampleRun.Message(DataTopic, Text("abcdef")),
        SampleRun.Message(DataTopic, []),
        SampleRun.Message(DataTopic, Pattern(128, 1)),
        SampleRun.Message(DataTopic, Pattern(511, 7)),
        SampleRun.Message(DataTopic, Pattern(700, 3)), // cut to the tenant's 512 payload bytes
    ], Scenario.NoSensors, []);

    public static readonly Scenario AlarmCrossings = new("crossings", SampleCatalog.ThresholdAlarm,
        Enumerable.Repeat(SampleRun.Timer(1000), 6).ToArray(),
        new Dictionary<string, int[]> { ["temp0"] = [2100, 2600, 2550, 2450, 2390, 2700] }, ["local:1"]);

    public static readonly Scenario AlarmNegative = new("negative", SampleCatalog.ThresholdAlarm,
        Enumerable.Repeat(SampleRun.Timer(1000), 3).ToArray(),
        new Dictionary<string, int[]> { ["temp0"] = [-550, 2501, -1234] }, ["local:1"]);

    public static readonly Scenario BlinkerNine = new("nine-ticks", SampleCatalog.Blinker,
        Enumerable.Repeat(SampleRun.Timer(500, 500), 9).ToArray(), Scenario.NoSensors, ["local:1"]);

    public static readonly Scenario CoapThreeGets = new("three-gets", SampleCatalog.CoapTemp,
        [SampleRun.Coap(TempPath), SampleRun.Coap(TempPath), SampleRun.Coap(TempPath)],
        new Dictionary<string, int[]> { ["temp0"] = [2150, -305, 2999] }, ["local:1"]);

    public static readonly Scenario ButtonThreeClicks = new("three-clicks", SampleCatalog.ButtonCounter,
        Clicks(3), Scenario.NoSensors, ["local:0x42", "global:0x42"]);

    public static readonly Scenario EventsMixed = new("timer-and-button", SampleCatalog.EventCounter,
        [.. Enumerable.Repeat(SampleRun.Timer(1000), 4), .. Clicks(5)], Scenario.NoSensors, ["global:0x101", "global:0x102"]);

    public static readonly Scenario SensorReaderThree = new("three-periods", SampleCatalog.SensorReader,
        Enumerable.Repeat(SampleRun.Timer(1000, 1000), 3).ToArray(),
        new Dictionary<string, int[]> { ["hum0"] = [455, 512, 600] }, ["global:0x10", "global:0x11"]);

    public static readonly Scenario[] All =
        [FletcherPayloads, AlarmCrossings, AlarmNegative, BlinkerNine, CoapThreeGets, ButtonThreeClicks, EventsMixed, SensorReaderThree];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (Scenario s in All)
        {
            data.Add(s.ToString());
        }
        return data;
    }

    public static Scenario Named(string name) => All.Single(s => s.ToString() == name);

    private static SampleRun[] Clicks(int count) =>
        Enumerable.Range(0, count).SelectMany(_ => new[] { SampleRun.Press(Button), SampleRun.Release(Button) }).ToArray();
}
