using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.MemoryPlan.Measuring;

/// <summary>A runtime on a simulated board of a profile, with helpers to provision tenants and install shapes.</summary>
public sealed class BoardRig : IDisposable
{
    public BoardRig(HardwareProfile profile)
    {
        Board = new SimulatedBoard(profile, new SimulatedBoardOptions { Clock = new SteppedClock(1000) });
        Runtime = new WasmBoxRuntime(Board, Board.Messages, null);
        OutputPin = profile.Pins.First(p => !p.Reserved && p.Has(PinCapabilities.Output)).Number;
    }

    /// <summary>The board's first free output pin: the pin a "with a pin and a sensor" install declares.</summary>
    public int OutputPin { get; }

    public SimulatedBoard Board { get; }

    /// <summary>The profile with a heap no measurement fills: for measuring, not for budgeting.</summary>
    public static HardwareProfile Roomy(HardwareProfile profile) =>
        profile with { Memory = profile.Memory with { ManagedHeapBytes = int.MaxValue / 2 } };

    public WasmBoxRuntime Runtime { get; }

    /// <summary>The first sensor of the board, or null when it has none.</summary>
    public string? FirstSensor => Board.Sensors.Count == 0 ? null : Board.Sensors.NameOf(0);

    /// <summary>A tenant allowed every helper, the first sensor and, unless another tenant drives it, <paramref name="pin"/> as output.</summary>
    public static string TenantJson(string id, int payloadBytes, string? sensor, int? pin) =>
        "{\"id\": \"" + id + "\", \"helpers\": [" + string.Join(", ", HelperIds.All().Select(h => "\"" + HelperIds.NameOf(h) + "\""))
        + "], \"pins\": [" + (pin is null ? "" : "{\"pin\": " + pin + ", \"mode\": \"output\"}") + "], \"sensors\": ["
        + (sensor is null ? "" : "{\"name\": \"" + sensor + "\", \"access\": \"read\"}")
        + "], \"topics\": [\"" + id + "/#\"], \"coapPaths\": [\"/" + id + "/\"], \"limits\": {\"maxContainers\": 64, "
        + "\"maxImageBytes\": 32768, \"ramBytes\": 16777216, \"instructionsPerRun\": 10000, \"branchesPerRun\": 1000, "
        + "\"runsPerSecond\": 100000, \"helperCallsPerSecond\": 100000, \"payloadBytes\": " + payloadBytes + "}}";

    public TenantPolicy[] Provision(string id, int payloadBytes, bool grantPin = true)
    {
        PolicyParseResult parsed = PolicyParser.Parse("{\"tenants\": [" + TenantJson(id, payloadBytes, FirstSensor, grantPin ? OutputPin : null) + "]}");
        if (!parsed.Ok)
        {
            throw new InvalidOperationException(parsed.ToString());
        }
        string? refusal = Runtime.Provision(parsed.Tenants);
        if (refusal is not null)
        {
            throw new InvalidOperationException(refusal);
        }
        return parsed.Tenants;
    }

    public ContainerManifest Manifest(ContainerShape shape, string name, bool withPinAndSensor)
    {
        var hooks = new HookBinding[shape.Hooks];
        for (int i = 0; i < hooks.Length; i++)
        {
            hooks[i] = HookBinding.Timer(100 * (i + 1));
        }
        var m = new ContainerManifest(name) { Hooks = hooks, StackFrames = shape.StackFrames };
        if (shape.DataBytes > 0)
        {
            m.Data = new byte[shape.DataBytes];
        }
        if (withPinAndSensor)
        {
            m.Pins = [new PinGrant(OutputPin, PinDriveMode.Output)];
            m.Sensors = FirstSensor is null ? [] : [new SensorGrant(FirstSensor, false)];
        }
        return m;
    }

    public InstallResult Install(string tenant, ContainerShape shape, string name, bool withPinAndSensor = false) =>
        Runtime.Install(tenant, Manifest(shape, name, withPinAndSensor), shape.Code());

    public void Dispose() => Board.Dispose();
}
