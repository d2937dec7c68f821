using System.Diagnostics;
using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Toolchain;
using WasmBox.Nano.Toolchain.Compiling;

namespace WasmBox.Nano.Bench.Hostcalls;

/// <summary>
/// Cost of a helper call with and without the board owner's policies: one tenant (acme, every
/// grant it needs) on a simulated ESP32 on a stepped clock, its function calling the helper 100
/// times per run, timed in 5 batches after a warm-up. The tenant and policy C sources are built
/// with clang as `wbx build` does. Noon UTC on the wall clock, temp0 near 21.5 °C: every sample allows
/// (the quota sample denies once a minute's 200 bytes are spent).
/// </summary>
public static class HostcallBenchmark
{
    private const int Batches = 5;

    private const string Provisioning = """
        { "tenants": [ { "id": "acme", "helpers": ["gpio_write", "saul_reg_find_nth", "actuator_write", "mqtt_publish"],
            "pins": [ { "pin": 4, "mode": "output" } ], "sensors": [ { "name": "relay0", "access": "readwrite" } ],
            "topics": ["globex/#"], "coapPaths": ["/acme/"],
            "limits": { "maxContainers": 1, "maxImageBytes": 4096, "ramBytes": 65536, "instructionsPerRun": 10000,
              "branchesPerRun": 1000, "runsPerSecond": 100000, "helperCallsPerSecond": 10000000, "payloadBytes": 64 } } ] }
        """;

    /// <param name="samples">tools/samples (policies and their header).</param>
    /// <param name="benchSources">tools/bench/hostcalls (the tenant functions).</param>
    public static HostcallResult Run(HostcallCase c, int runsPerBatch, string samples, string benchSources)
    {
        var clock = new SteppedClock(0);
        using var board = new SimulatedBoard(HardwareProfiles.Load("esp32-devkitc").Profile!, new SimulatedBoardOptions { Clock = clock });
        var runtime = new WasmBoxRuntime(board, board.Messages, null);
        PolicyParseResult parsed = PolicyParser.Parse(Provisioning);
        string? refusal = parsed.Ok ? runtime.Provision(parsed.Tenants) : parsed.ToString();
        if (refusal is not null)
        {
            throw new BenchmarkSetupException("provisioning failed: " + refusal);
        }
        var options = new CompileOptions([Path.Combine(samples, "include")], []);
        Container container = InstallTenant(runtime, c, Path.Combine(benchSources, c.TenantSource + ".c"), options);
        if (c.Policy is not null)
        {
            InstallPolicy(runtime, c, Path.Combine(samples, "policies", c.Policy + ".c"), options);
        }
        runtime.Services.Policies.WallClock = new FixedWallClock(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds());
        byte[] payload = System.Text.Encoding.ASCII.GetBytes(board.DeviceId + " t=21.5");

        Action run = c.Helper == "mqtt_publish"
            ? () => runtime.Dispatch(HookKind.Mqtt, 0, "globex/in", payload, payload.Length)
            : () => runtime.Dispatch(HookKind.Timer, 1000, null, null, 0);
        for (int i = 0; i < 200; i++)
        {
            Step(run, clock);
        }
        var nsPerCall = new double[Batches];
        long denied = 0;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int b = 0; b < Batches; b++)
        {
            long ticks = 0;
            for (int i = 0; i < runsPerBatch; i++)
            {
                long start = Stopwatch.GetTimestamp();
                run();
                ticks += Stopwatch.GetTimestamp() - start;
                denied += container.LastResult == 0 ? 0 : 1;
                clock.Advance(1);
            }
            nsPerCall[b] = ticks * 1e9 / Stopwatch.Frequency / ((double)runsPerBatch * HostcallCase.CallsPerRun);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long calls = (long)Batches * runsPerBatch * HostcallCase.CallsPerRun;
        runtime.Shutdown();
        Array.Sort(nsPerCall);
        return new HostcallResult(c.Name, nsPerCall[Batches / 2], nsPerCall[0], allocated / (double)calls, calls, denied);
    }

    /// <summary>
    /// One row per case; "added" is the best figure less the same helper's no-policy best (the rows come in
    /// groups led by the helper's no-policy case), so a row reads as what its policy costs per call.
    /// </summary>
    public static string Text(IReadOnlyList<HostcallResult> results)
    {
        var lines = new List<string>
        {
            $"{"helper (100 calls per run), policy",-36} {"median ns/call",14} {"best ns/call",12} {"added ns/call",13} {"alloc B/call",12} {"runs denied",11}",
        };
        double baseline = 0;
        foreach (HostcallResult r in results)
        {
            bool noPolicy = r.Case.EndsWith(", no policy", StringComparison.Ordinal);
            baseline = noPolicy ? r.BestNsPerCall : baseline;
            string added = noPolicy ? "-" : (r.BestNsPerCall - baseline).ToString("N0");
            lines.Add($"{r.Case,-36} {r.MedianNsPerCall,14:N0} {r.BestNsPerCall,12:N0} {added,13} {r.BytesPerCall,12:N0} {r.Denied,11:N0}");
        }
        lines.Add("ns per call: a run's time over its 100 calls (the tenant's loop and the helper included), median and best of 5 batches;"
            + " added: best less the helper's no-policy best");
        return string.Join(Environment.NewLine, lines);
    }

    private static void Step(Action run, SteppedClock clock)
    {
        run();
        clock.Advance(1);
    }

    private static Container InstallTenant(WasmBoxRuntime runtime, HostcallCase c, string source, CompileOptions options)
    {
        BuildResult build = FunctionBuilder.Build(new BuildRequest(source, c.TenantSource, options, null));
        var manifest = new ContainerManifest(c.TenantSource)
        {
            Hooks = [c.Helper == "mqtt_publish" ? HookBinding.Mqtt("globex/in") : HookBinding.Timer(1000)],
            Pins = c.Helper == "gpio_write" ? [new PinGrant(4, PinDriveMode.Output)] : [],
            Sensors = c.Helper == "actuator_write" ? [new SensorGrant("relay0", true)] : [],
            Rodata = build.Image.Rodata.Length == 0 ? null : build.Image.Rodata,
        };
        InstallResult result = runtime.Install("acme", manifest, build.Image.Text);
        if (!result.Ok || !runtime.Start(result.Container))
        {
            throw new BenchmarkSetupException(c.TenantSource + " does not install: " + result.Reason);
        }
        return result.Container;
    }

    private static void InstallPolicy(WasmBoxRuntime runtime, HostcallCase c, string source, CompileOptions options)
    {
        BuildResult build = FunctionBuilder.Build(new BuildRequest(source, c.Policy, options, null));
        string? refusal = runtime.Services.Policies.Install(new PolicyDefinition
        {
            Name = c.Policy!, Sequence = 1, Text = build.Image.Text, Rodata = build.Image.Rodata, Entry = 0,
            HelperIds = [HelperIds.IdOf(c.Helper)], Tenants = c.PolicyTenants, InstructionBudget = HostcallPolicy.DefaultInstructionBudget,
        });
        if (refusal is not null)
        {
            throw new BenchmarkSetupException(c.Policy + " does not install: " + refusal);
        }
    }

    private sealed class FixedWallClock(long unixSeconds) : IWallClock
    {
        public long UnixSeconds => unixSeconds;
    }
}
