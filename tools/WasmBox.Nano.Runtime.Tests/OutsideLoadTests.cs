using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Runtime.Tests.Support;

namespace WasmBox.Nano.Runtime.Tests;

/// <summary>
/// Runs an outsider can trigger (MQTT messages on hook topics, invocations, CoAP requests) have
/// their own per-container budget: a flood is dropped and counted, never quarantines the function
/// and never takes runs or timer beats from the tenant's other containers. The board clock is
/// stepped, so every figure here is a count, not a wall-clock measurement.
/// </summary>
public class OutsideLoadTests
{
    private const string Limits =
        "\"maxContainers\": 4, \"maxImageBytes\": 4096, \"ramBytes\": 65536, \"instructionsPerRun\": 10000, " +
        "\"branchesPerRun\": 1000, \"runsPerSecond\": 20, \"outsideRunsPerSecond\": 40, \"helperCallsPerSecond\": 1000";

    private readonly Rig _rig = new(new MonitorSettings { RateWindowMs = 1000, RateWarmupWindows = 3, RateSpikeFactor = 4, RateSpikeMinimumRuns = 20 });

    public OutsideLoadTests() => _rig.Provision(Rig.Tenant("acme", limits: Limits));

    [Fact]
    public void One_invoke_a_pause_then_thirty_quick_ones_quarantine_nothing()
    {
        Container target = _rig.Install("acme", "target", Bpf.Return(0), HookBinding.Mqtt("acme/in"));
        Assert.True(_rig.Runtime.Invoke(target, HookKind.Mqtt, "acme/in", [1], 1, null));
        _rig.Board.FakeClock.NowMs += 10_000;
        for (int i = 0; i < 30; i++)
        {
            _rig.Runtime.Invoke(target, HookKind.Mqtt, "acme/in", [1], 1, null);
            _rig.Transport.Deliver(Rig.App + "acme/in", [1]);
        }

        Assert.Equal(ContainerState.Running, target.State);
        Assert.Equal(AnomalyKind.None, target.Health.LastAnomaly);
        Assert.DoesNotContain(_rig.Events, e => e.Kind == RuntimeEventKind.Quarantined);
        Assert.Equal(1 + 40, target.Counters.Runs);
        Assert.Equal(20, target.Counters.ThrottledRuns);
        Assert.Equal(0, target.Counters.RateLimitedRuns);
    }

    [Fact]
    public void Dropped_outside_runs_are_counted_and_reported_once_per_second()
    {
        Container target = _rig.Install("acme", "target", Bpf.Return(0), HookBinding.Mqtt("acme/in"));
        for (int second = 0; second < 3; second++)
        {
            _rig.Board.FakeClock.NowMs += 1000;
            for (int i = 0; i < 100; i++)
            {
                _rig.Transport.Deliver(Rig.App + "acme/in", [1]);
            }
        }
        Assert.Equal(3 * 40, target.Counters.Runs);
        Assert.Equal(3 * 60, target.Counters.ThrottledRuns);
        RuntimeEvent[] throttled = _rig.Events.Where(e => e.Kind == RuntimeEventKind.Throttled).ToArray();
        Assert.Equal(3, throttled.Length);
        Assert.All(throttled, e => Assert.Equal("target", e.ContainerName));
        Assert.Contains("not held against the tenant", throttled[0].Detail);
    }

    [Fact]
    public void A_flood_on_one_function_leaves_its_siblings_timer_beats_within_ten_percent_of_an_idle_run()
    {
        int idle = TimerBeats(invokesPerSecond: 0);
        int flooded = TimerBeats(invokesPerSecond: 150);
        Assert.Equal(100, idle);
        Assert.InRange(flooded, idle * 9 / 10, idle);
    }

    /// <summary>
    /// One tenant (20 runs per second shared): a timer sibling beating every 100 ms and a function
    /// on an MQTT hook invoked <paramref name="invokesPerSecond"/> times per second, for 10 stepped
    /// seconds. Returns the sibling's beats.
    /// </summary>
    private static int TimerBeats(int invokesPerSecond)
    {
        var rig = new Rig();
        rig.Provision(Rig.Tenant("acme", limits: Limits));
        Container sibling = rig.Install("acme", "beat", Bpf.Return(0), HookBinding.Timer(100));
        Container target = rig.Install("acme", "target", Bpf.Return(0), HookBinding.Mqtt("acme/in"));
        int sent = 0;
        for (int ms = 10; ms <= 10_000; ms += 10)
        {
            rig.Board.FakeClock.NowMs += 10;
            for (; sent < invokesPerSecond * ms / 1000; sent++)
            {
                rig.Runtime.Invoke(target, HookKind.Mqtt, "acme/in", [1], 1, null);
            }
            rig.Runtime.Tick();
        }
        Assert.Equal(ContainerState.Running, target.State);
        return (int)sibling.Counters.Runs;
    }
}
