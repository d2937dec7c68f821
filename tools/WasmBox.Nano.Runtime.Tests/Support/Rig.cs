using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Runtime.Tests.Support;

/// <summary>A runtime on a fake board with helpers to provision tenants and install programs.</summary>
public sealed class Rig : IRuntimeEvents
{
    public const string DefaultLimits =
        "\"maxContainers\": 4, \"maxImageBytes\": 4096, \"ramBytes\": 65536, \"instructionsPerRun\": 10000, " +
        "\"branchesPerRun\": 1000, \"runsPerSecond\": 1000, \"helperCallsPerSecond\": 1000";

    /// <summary>Where the fake board's tenants' topics live on the broker (their filters and publishes are relative to it).</summary>
    public const string App = "wbx/test-board/app/";

    public Rig(MonitorSettings? settings = null)
    {
        Runtime = new WasmBoxRuntime(Board, Transport, settings);
        Runtime.Monitor.AddListener(this);
    }

    public FakeBoard Board { get; } = new();
    public FakeTransport Transport { get; } = new();
    public WasmBoxRuntime Runtime { get; }
    public List<RuntimeEvent> Events { get; } = new();

    public void OnRuntimeEvent(RuntimeEvent e)
    {
        lock (Events)
        {
            Events.Add(e);
        }
    }

    /// <summary>Every helper name as a JSON array body.</summary>
    public static string AllHelpers => string.Join(", ", HelperIds.All().Select(id => "\"" + HelperIds.NameOf(id) + "\""));

    /// <summary>One tenant object for a provisioning document.</summary>
    public static string Tenant(string id, string? helpers = null, string pins = "", string sensors = "",
        string? topics = null, string? coapPaths = null, string limits = DefaultLimits) =>
        "{\"id\": \"" + id + "\", \"helpers\": [" + (helpers ?? AllHelpers) + "], \"pins\": [" + pins + "], " +
        "\"sensors\": [" + sensors + "], \"topics\": [" + (topics ?? "\"" + id + "/#\"") + "], " +
        "\"coapPaths\": [" + (coapPaths ?? "\"/" + id + "/\"") + "], \"limits\": {" + limits + "}}";

    public static string Document(params string[] tenants) => "{\"tenants\": [" + string.Join(", ", tenants) + "]}";

    public void Provision(params string[] tenants)
    {
        PolicyParseResult parsed = PolicyParser.Parse(Document(tenants));
        Assert.True(parsed.Ok, parsed.ToString());
        Assert.Null(Runtime.Provision(parsed.Tenants));
    }

    public static ContainerManifest Manifest(string name, params HookBinding[] hooks) =>
        new(name) { Hooks = hooks.Length == 0 ? new[] { HookBinding.Timer(100) } : hooks };

    public InstallResult TryInstall(string tenant, ContainerManifest manifest, byte[] code) =>
        Runtime.Install(tenant, manifest, code);

    /// <summary>Installs and starts; fails the test when refused.</summary>
    public Container Install(string tenant, ContainerManifest manifest, byte[] code)
    {
        InstallResult result = Runtime.Install(tenant, manifest, code);
        Assert.True(result.Ok, result.Reason);
        Assert.True(Runtime.Start(result.Container));
        return result.Container;
    }

    public Container Install(string tenant, string name, byte[] code, params HookBinding[] hooks) =>
        Install(tenant, Manifest(name, hooks), code);

    /// <summary>Runs the container's timer hook once and returns r0 as a C int.</summary>
    public int RunTimer(Container c, int periodMs = 100)
    {
        Runtime.Dispatch(HookKind.Timer, periodMs, null, null, 0);
        return (int)(uint)c.LastResult;
    }

    public List<RuntimeEvent> EventsOf(RuntimeEventKind kind)
    {
        lock (Events)
        {
            return Events.Where(e => e.Kind == kind).ToList();
        }
    }
}
