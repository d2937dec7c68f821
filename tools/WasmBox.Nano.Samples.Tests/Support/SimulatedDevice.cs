using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Samples.Tests.Support;

/// <summary>
/// An ESP32-DevKitC (or another profile's) simulated board on a stepped clock, its sensors reading scripted values,
/// and a runtime provisioned with tools/samples/policy.demo.json (or another policy file). No threads: every event
/// runs on the test's thread. Records runtime events, log lines and MQTT publications.
/// </summary>
public sealed class SimulatedDevice : IDisposable, IRuntimeEvents
{
    public const string ProfileId = "esp32-devkitc";

    /// <summary>The ESP32 with PSRAM the demo runs on: its heap holds every sample at once, the DevKitC's does not.</summary>
    public const string RoomyProfileId = "esp32-wrover-kit";

    private readonly List<RuntimeEvent> _events = [];

    public SimulatedDevice(IReadOnlyDictionary<string, int[]>? sensorValues = null, long[]? runTimesMs = null, string profileId = ProfileId,
        string? policyPath = null)
    {
        HardwareProfile profile = HardwareProfiles.Load(profileId).Profile
            ?? throw new InvalidOperationException("profile " + profileId + " does not load");
        if (sensorValues is not null)
        {
            profile = profile with
            {
                Sensors = profile.Sensors.Select(s => sensorValues.TryGetValue(s.Name, out int[]? values)
                    ? s with { Signal = new ScriptedSignal(runTimesMs ?? [], values) }
                    : s).ToArray(),
            };
        }
        Board = new SimulatedBoard(profile, new SimulatedBoardOptions { Clock = Clock });
        Board.Broker!.MessagePublished += (topic, payload) => Published.Add((topic, payload));
        Runtime = new WasmBoxRuntime(Board, Board.Messages, null);
        Runtime.Monitor.AddListener(this);
        policyPath ??= SamplePaths.Policy;
        PolicyParseResult policy = PolicyParser.Parse(File.ReadAllText(policyPath));
        if (!policy.Ok)
        {
            throw new InvalidOperationException(policyPath + ": " + policy.Field + ": " + policy.Reason);
        }
        string? refusal = Runtime.Provision(policy.Tenants);
        if (refusal is not null)
        {
            throw new InvalidOperationException(policyPath + " does not provision: " + refusal);
        }
    }

    public SteppedClock Clock { get; } = new();

    public SimulatedBoard Board { get; }

    public WasmBoxRuntime Runtime { get; }

    /// <summary>Every MQTT publication on the board's broker, in order.</summary>
    public List<(string Topic, byte[] Payload)> Published { get; } = [];

    /// <summary>A published topic as the program named it (relative to wbx/{deviceId}/app/); marked when outside it.</summary>
    public string AppTopic(string topic)
    {
        string prefix = Runtime.Services.AppTopicPrefix;
        return topic.StartsWith(prefix, StringComparison.Ordinal) ? topic[prefix.Length..] : "(outside " + prefix + ") " + topic;
    }

    public IReadOnlyList<RuntimeEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void OnRuntimeEvent(RuntimeEvent e)
    {
        lock (_events)
        {
            _events.Add(e);
        }
    }

    public void Dispose()
    {
        Runtime.Shutdown();
        Board.Dispose();
    }
}
