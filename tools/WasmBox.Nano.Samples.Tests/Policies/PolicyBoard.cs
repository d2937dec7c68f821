using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Samples.Tests.Support;
using WasmBox.Nano.Toolchain;

namespace WasmBox.Nano.Samples.Tests.Policies;

/// <summary>
/// The simulated ESP32 with three tenants that may do what the sample policies restrict (acme
/// drives pin 4, globex publishes, initech switches relay0), their clang-built functions from
/// tools/samples/policies/tenants/, and the board owner's clang-built policies installed on it.
/// </summary>
public sealed class PolicyBoard : IDisposable, IWallClock
{
    public const string Provisioning = """
        { "tenants": [
          { "id": "acme", "helpers": ["gpio_write"], "pins": [ { "pin": 4, "mode": "output" } ], "sensors": [],
            "topics": ["acme/#"], "coapPaths": ["/acme/"], "limits": { "maxContainers": 2, "maxImageBytes": 4096, "ramBytes": 32768,
            "instructionsPerRun": 1000, "branchesPerRun": 100, "runsPerSecond": 1000, "helperCallsPerSecond": 1000 } },
          { "id": "globex", "helpers": ["mqtt_publish"], "pins": [], "sensors": [],
            "topics": ["globex/#"], "coapPaths": ["/globex/"], "limits": { "maxContainers": 2, "maxImageBytes": 4096, "ramBytes": 32768,
            "instructionsPerRun": 1000, "branchesPerRun": 100, "runsPerSecond": 1000, "helperCallsPerSecond": 1000, "payloadBytes": 512 } },
          { "id": "initech", "helpers": ["saul_reg_find_nth", "actuator_write"], "pins": [],
            "sensors": [ { "name": "relay0", "access": "readwrite" } ],
            "topics": ["initech/#"], "coapPaths": ["/initech/"], "limits": { "maxContainers": 2, "maxImageBytes": 4096, "ramBytes": 32768,
            "instructionsPerRun": 1000, "branchesPerRun": 100, "runsPerSecond": 1000, "helperCallsPerSecond": 1000 } }
        ] }
        """;

    public static readonly SampleSpec Pin4Driver = new("pin4_driver", "policies/tenants/pin4_driver.c", "pin4_driver", "acme", 0,
        ["timer:1000"], ["4:output"], [], new(1000, 100, 1024, 1));

    public static readonly SampleSpec Publisher = new("telemetry_publisher", "policies/tenants/telemetry_publisher.c", "telemetry_publisher",
        "globex", 0, ["mqtt:globex/in"], [], [], new(1000, 100, 1024, 1));

    public static readonly SampleSpec RelaySwitch = new("relay_switch", "policies/tenants/relay_switch.c", "relay_switch", "initech", 0,
        ["timer:1000"], [], ["relay0"], new(1000, 100, 1024, 1));

    /// <param name="temp0">temp0 readings (hundredths of a °C) from the times in <paramref name="temp0TimesMs"/> on.</param>
    public PolicyBoard(int[]? temp0 = null, long[]? temp0TimesMs = null)
    {
        Device = new SimulatedDevice(temp0 is null ? null : new Dictionary<string, int[]> { ["temp0"] = temp0 },
            temp0TimesMs ?? [0], provisioning: Provisioning);
        Policies.WallClock = this;
    }

    public SimulatedDevice Device { get; }

    public HostcallPolicies Policies => Device.Runtime.Services.Policies;

    /// <summary>What the board's wall clock says (0: unknown).</summary>
    public long UnixSeconds { get; set; }

    /// <summary>Builds and installs a tenant function and starts it.</summary>
    public Container Install(SampleSpec tenant)
    {
        BuildResult build = SampleBuilds.Build(tenant);
        ContainerManifest manifest = SampleInstaller.Manifest(tenant, build.Image);
        // The relay is an actuator: the container declares it for writing.
        manifest.Sensors = manifest.Sensors.Select(s => new SensorGrant(s.Name, s.Name.StartsWith("relay", StringComparison.Ordinal))).ToArray();
        InstallResult result = Device.Runtime.Install(tenant.Tenant, manifest, build.Image.Text);
        Assert.True(result.Ok, result.Reason);
        Assert.True(Device.Runtime.Start(result.Container));
        return result.Container;
    }

    /// <summary>The definition of tools/samples/policies/<paramref name="name"/>.c as `wbx policy pack` would sign it.</summary>
    public static PolicyDefinition Definition(string name, string[] helpers, string[]? tenants = null, long sequence = 1, int budget = 512)
    {
        BuildResult build = SampleBuilds.Build("policies/" + name + ".c", name);
        return new PolicyDefinition
        {
            Name = name, Sequence = sequence, Text = build.Image.Text, Rodata = build.Image.Rodata, Entry = 0,
            HelperIds = helpers.Select(h => HelperIds.IdOf(h)).ToArray(), Tenants = tenants, InstructionBudget = budget,
        };
    }

    public void InstallPolicy(PolicyDefinition definition) => Assert.Null(Policies.Install(definition));

    /// <summary>One timer beat for the timer-hooked functions; r0 of <paramref name="c"/>'s run as a C int.</summary>
    public int Beat(Container c)
    {
        Device.Runtime.Dispatch(HookKind.Timer, 1000, null, null, 0);
        return (int)(uint)c.LastResult;
    }

    /// <summary>Sends <paramref name="payload"/> to globex's publisher; r0 of its run as a C int.</summary>
    public int Publish(Container c, string payload)
    {
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(payload);
        Device.Runtime.Dispatch(HookKind.Mqtt, 0, "globex/in", bytes, bytes.Length);
        return (int)(uint)c.LastResult;
    }

    public void Dispose() => Device.Dispose();
}
