using WasmBox.Nano.Runtime.Hooks;

namespace WasmBox.Nano.Samples.Tests.Support;

/// <summary>
/// One event a scenario delivers: the hook it comes through, how far the board clock moves
/// before it, and its payload (MQTT/CoAP) or edge direction (GPIO).
/// </summary>
public sealed record SampleRun(HookKind Kind, int Parameter, long AdvanceMs, byte[] Payload, string? Key, bool Rising)
{
    public static SampleRun Timer(int periodMs, long advanceMs = 1000) => new(HookKind.Timer, periodMs, advanceMs, [], null, false);

    public static SampleRun Message(string topic, byte[] payload, long advanceMs = 10) => new(HookKind.Mqtt, 0, advanceMs, payload, topic, false);

    public static SampleRun Coap(string path, long advanceMs = 10) => new(HookKind.Coap, 0, advanceMs, [], path, false);

    /// <summary>A press of an active-low button: a falling edge.</summary>
    public static SampleRun Press(int pin, long advanceMs = 10) => new(HookKind.GpioEdge, pin, advanceMs, [], null, false);

    public static SampleRun Release(int pin, long advanceMs = 10) => new(HookKind.GpioEdge, pin, advanceMs, [], null, true);
}

/// <summary>
/// A sample, the events it gets, what its sensors read during each run (by board sensor name;
/// run i reads value i, the last one after that) and the store keys to report at the end
/// ("local:1", "global:0x42").
/// </summary>
public sealed record Scenario(string Name, SampleSpec Sample, SampleRun[] Runs,
    IReadOnlyDictionary<string, int[]> SensorValues, string[] Keys)
{
    public override string ToString() => Sample.Name + "/" + Name;

    public static IReadOnlyDictionary<string, int[]> NoSensors { get; } = new Dictionary<string, int[]>();

    public IEnumerable<(bool Global, uint Key)> ParsedKeys() => Keys.Select(k =>
    {
        string[] parts = k.Split(':');
        return (parts[0] == "global", (uint)Convert.ToInt64(parts[1], parts[1].StartsWith("0x") ? 16 : 10));
    });
}
