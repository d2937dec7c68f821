using WasmBox.Nano.Bundle;
using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Update.Tests.Support;

/// <summary>
/// A simulated ESP32 with the runtime and an update manager over a given drive. A reboot is a
/// new device over the drive that survived.
/// </summary>
public sealed class TestDevice : IDisposable
{
    /// <summary>acme: LED pin 2 and gpio_toggle/now_ms; globex: pin 4 and now_ms.</summary>
    public const string Policy = """
        { "tenants": [
          { "id": "acme", "helpers": ["gpio_toggle", "now_ms"],
            "pins": [ { "pin": 2, "mode": "output" } ],
            "limits": { "maxContainers": 4, "maxImageBytes": 2048, "ramBytes": 65536,
                        "instructionsPerRun": 10000, "branchesPerRun": 1000,
                        "runsPerSecond": 100, "helperCallsPerSecond": 1000 } },
          { "id": "globex", "helpers": ["now_ms"],
            "pins": [ { "pin": 4, "mode": "output" } ],
            "limits": { "maxContainers": 4, "maxImageBytes": 2048, "ramBytes": 65536,
                        "instructionsPerRun": 10000, "branchesPerRun": 1000,
                        "runsPerSecond": 100, "helperCallsPerSecond": 1000 } }
        ] }
        """;

    private TestDevice(IStorage storage, ITenantKeyring keys)
    {
        Board = new SimulatedBoard(Host.Profiles.HardwareProfiles.Load("esp32-devkitc").Profile!,
            new SimulatedBoardOptions { Clock = new SteppedClock(5000) });
        Runtime = new WasmBoxRuntime(Board, null, null);
        PolicyParseResult policies = PolicyParser.Parse(Policy);
        Assert.True(policies.Ok, policies.ToString());
        Assert.Null(Runtime.Provision(policies.Tenants));
        Storage = storage;
        Updates = new UpdateManager(Runtime, storage, keys);
    }

    public SimulatedBoard Board { get; }

    public WasmBoxRuntime Runtime { get; }

    public IStorage Storage { get; }

    public UpdateManager Updates { get; }

    /// <summary>A booted device over <paramref name="storage"/>.</summary>
    public static TestDevice Start(IStorage storage, ITenantKeyring keys)
    {
        var device = new TestDevice(storage, keys);
        device.Updates.Boot();
        return device;
    }

    public UpdateResult Deploy(byte[] bundle) => Updates.Deploy(bundle, 0, bundle.Length);

    public UpdateResult Execute(byte[] command) => Updates.Execute(command, 0, command.Length);

    /// <summary>The one function in (tenant, slot), or null.</summary>
    public InstalledFunction? Function(string tenant, int slot) =>
        Updates.Installed.SingleOrDefault(f => f.Tenant == tenant && f.Slot == slot);

    /// <summary>Everything observable about what is installed: the manager's view and the runtime's containers.</summary>
    public string[] State(bool withContainerIds = true) =>
    [
        .. Updates.Installed.Select(f => $"{f.Tenant}/{f.Slot} seq={f.Sequence} bundle={f.BundleSequence} name={f.Name} "
            + $"digest={Convert.ToHexString(f.Digest)} prev={f.HasPrevious} container={(withContainerIds ? f.Container.Id : 0)}"),
        .. Runtime.Containers.Select(c => $"container {c.Tenant.Id}/{c.Name} {(withContainerIds ? c.Id : 0)} {c.State}").Order(StringComparer.Ordinal),
        .. Runtime.Tenants.Select(t => $"tenant {t.Id} containers={t.ContainerCount} ram={t.RamInUse}"),
        .. Board.Gpio.Snapshot().Where(p => p.Mode is not null).Select(p => $"pin {p.Number} {p.Mode}"),
    ];

    public void Dispose() => Board.Dispose();
}
