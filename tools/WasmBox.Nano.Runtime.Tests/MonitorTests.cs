using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Runtime.Tests.Support;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Tests;

/// <summary>Counters, anomaly rules and quarantine: hostile containers are stopped, the others keep running.</summary>
public class MonitorTests
{
    private readonly Rig _rig = new(new MonitorSettings
    {
        FaultBurstCount = 3, FaultWindowMs = 10000,
        ViolationBurstCount = 3, ViolationWindowMs = 10000,
        RateWindowMs = 1000, RateWarmupWindows = 3, RateSpikeFactor = 4, RateSpikeMinimumRuns = 20,
    });

    public MonitorTests()
    {
        _rig.Provision(
            Rig.Tenant("good", pins: "{\"pin\": 2, \"mode\": \"output\"}"),
            Rig.Tenant("evil", pins: "{\"pin\": 3, \"mode\": \"output\"}, {\"pin\": 5, \"mode\": \"input\"}",
                limits: Rig.DefaultLimits.Replace("\"helperCallsPerSecond\": 1000", "\"helperCallsPerSecond\": 50")));
    }

    private Container Good() => _rig.Install("good", "worker",
        new Bpf().Mov(1, 1).StackPointer(2, -8).Call(HelperIds.FetchLocal).LdxW(2, 10, -8).Add(2, 1)
            .Mov(1, 1).Call(HelperIds.StoreLocal).Exit().Build());

    /// <summary>Dispatches the shared timer <paramref name="n"/> times, one second apart.</summary>
    private void Beat(int n)
    {
        for (int i = 0; i < n; i++)
        {
            _rig.Board.FakeClock.NowMs += 1000;
            _rig.Runtime.Dispatch(HookKind.Timer, 100, null, null, 0);
        }
    }

    private void AssertQuarantined(Container hostile, AnomalyKind anomaly, Container good, int beats)
    {
        Assert.Equal(ContainerState.Quarantined, hostile.State);
        Assert.Equal(anomaly, hostile.Health.LastAnomaly);
        RuntimeEvent e = Assert.Single(_rig.EventsOf(RuntimeEventKind.Quarantined));
        Assert.Equal(("evil", hostile.Name, anomaly), (e.TenantId, e.ContainerName, e.Anomaly));
        Assert.Equal(ContainerState.Running, good.State);
        Assert.Equal(beats, good.Counters.Runs);
        Assert.Equal((uint)beats, good.LocalStore.Fetch(1));
        Assert.Equal(0, good.Counters.Faults);
    }

    [Fact]
    public void An_infinite_loop_is_stopped_by_its_budget_and_quarantined_after_a_fault_burst()
    {
        Container good = Good();
        Container spin = _rig.Install("evil", "spin", Bpf.Spin());
        Beat(10);
        Assert.Equal(3, spin.Counters.Runs);
        Assert.Equal(3, spin.Counters.CountOf(VmStatus.BranchBudgetExhausted));
        Assert.Equal(3, spin.Counters.BudgetHits);
        AssertQuarantined(spin, AnomalyKind.FaultBurst, good, 10);
        Assert.Equal(3, _rig.EventsOf(RuntimeEventKind.Fault).Count);
    }

    [Fact]
    public void Out_of_bounds_access_is_quarantined()
    {
        Container good = Good();
        Container oob = _rig.Install("evil", "oob", new Bpf().MovReg(2, 10).LdxDw(0, 2, 8).Exit().Build());
        Beat(5);
        Assert.Equal(3, oob.Counters.CountOf(VmStatus.MemoryOutOfBounds));
        AssertQuarantined(oob, AnomalyKind.FaultBurst, good, 5);
    }

    [Fact]
    public void Faults_spread_wider_than_the_window_do_not_quarantine()
    {
        Container oob = _rig.Install("evil", "rare", new Bpf().MovReg(2, 10).LdxDw(0, 2, 8).Exit().Build());
        for (int i = 0; i < 5; i++)
        {
            _rig.Board.FakeClock.NowMs += 6000;
            _rig.Runtime.Dispatch(HookKind.Timer, 100, null, null, 0);
        }
        Assert.Equal(5, oob.Counters.Faults);
        Assert.Equal(ContainerState.Running, oob.State);
    }

    [Fact]
    public void Repeated_ungranted_pin_access_is_quarantined()
    {
        Container good = Good();
        Container probe = _rig.Install("evil", "probe", new Bpf()
            .Mov(1, 2).Mov(2, 1).Call(HelperIds.GpioWrite)
            .Mov(1, 2).Mov(2, 1).Call(HelperIds.GpioWrite)
            .Mov(1, 2).Mov(2, 1).Call(HelperIds.GpioWrite).Exit().Build());
        Beat(4);
        Assert.Equal(1, probe.Counters.Runs);
        Assert.Equal(3, probe.Counters.PolicyViolations);
        Assert.False(_rig.Board.FakeGpio.Read(2));
        AssertQuarantined(probe, AnomalyKind.PolicyViolations, good, 4);
    }

    [Fact]
    public void An_ungranted_helper_never_gets_installed()
    {
        _rig.Provision(Rig.Tenant("tiny", helpers: "\"now_ms\""));
        InstallResult result = _rig.TryInstall("tiny", Rig.Manifest("sneak"), new Bpf().Mov(1, 2).Mov(2, 1).Call(HelperIds.GpioWrite).Exit().Build());
        Assert.Equal(InstallError.HelperNotGranted, result.Error);
        Assert.Contains("gpio_write (0x71)", Assert.Single(_rig.EventsOf(RuntimeEventKind.InstallRefused)).Detail);
    }

    [Fact]
    public void A_helper_call_flood_beyond_the_tenants_rate_is_quarantined_at_once()
    {
        Container good = Good();
        // for (r6 = 0; r6 != 100; r6++) now_ms();  — 100 calls against a rate of 50 per second
        Container flood = _rig.Install("evil", "flood", new Bpf()
            .Mov(6, 0)
            .Call(HelperIds.NowMs).Add(6, 1).JneImm(6, 100, -3)
            .Exit().Build());
        Beat(3);
        Assert.Equal(1, flood.Counters.Runs);
        Assert.Equal(VmStatus.HelperDenied, flood.LastStatus);
        Assert.Equal(51, flood.Counters.HelperCallsOf(HelperIds.NowMs));
        AssertQuarantined(flood, AnomalyKind.HelperFlood, good, 3);
    }

    [Fact]
    public void A_run_rate_spike_against_the_containers_own_baseline_is_quarantined()
    {
        // Board-triggered runs (here pin edges) are evidence; outside-triggered ones are not (OutsideLoadTests).
        var manifest = new ContainerManifest("chatty") { Hooks = [HookBinding.GpioEdge(5)], Pins = [new PinGrant(5, PinDriveMode.Input)] };
        Container chatty = _rig.Install("evil", manifest, Bpf.Return(0));
        for (int second = 0; second < 5; second++)
        {
            _rig.Board.FakeClock.NowMs += 1000;
            _rig.Board.FakeGpio.Edge(5, true, _rig.Board.FakeClock.NowMs);
            _rig.Board.FakeGpio.Edge(5, false, _rig.Board.FakeClock.NowMs);
        }
        Assert.Equal(ContainerState.Running, chatty.State);
        Assert.Equal(2, chatty.Health.RunRateBaseline);

        _rig.Board.FakeClock.NowMs += 1000;
        for (int i = 0; i < 30 && chatty.State == ContainerState.Running; i++)
        {
            _rig.Board.FakeGpio.Edge(5, i % 2 == 0, _rig.Board.FakeClock.NowMs);
        }
        Assert.Equal(ContainerState.Quarantined, chatty.State);
        Assert.Equal(AnomalyKind.RateSpike, chatty.Health.LastAnomaly);
        Assert.Equal(10 + 20, chatty.Counters.Runs);
    }

    [Fact]
    public void A_quarantined_container_gets_no_events_until_the_owner_releases_it()
    {
        Container spin = _rig.Install("evil", "spin", Bpf.Spin());
        Beat(5);
        Assert.Equal(3, spin.Counters.Runs);
        Assert.Equal(0, _rig.Runtime.Fire(HookKind.Timer, 100, null, null, 0));

        Assert.True(_rig.Runtime.Start(spin));
        Beat(1);
        Assert.Equal(4, spin.Counters.Runs);
        Assert.Equal(ContainerState.Running, spin.State);
    }

    [Fact]
    public void Runs_per_second_are_limited_per_tenant_and_counted()
    {
        _rig.Provision(Rig.Tenant("slow", limits: Rig.DefaultLimits.Replace("\"runsPerSecond\": 1000", "\"runsPerSecond\": 2")));
        Container c = _rig.Install("slow", "c", Bpf.Return(0), HookBinding.Timer(500));
        for (int i = 0; i < 5; i++)
        {
            _rig.Runtime.Dispatch(HookKind.Timer, 500, null, null, 0);
        }
        Assert.Equal(2, c.Counters.Runs);
        Assert.Equal(3, c.Counters.RateLimitedRuns);
    }

    [Fact]
    public void Counters_record_runs_instructions_helper_calls_and_run_time()
    {
        Container good = Good();
        Beat(4);
        ContainerCounters k = good.Counters;
        Assert.Equal(4, k.Runs);
        Assert.Equal(4, k.CountOf(VmStatus.Ok));
        Assert.Equal(4 * 9, k.Instructions);
        Assert.Equal(4, k.HelperCallsOf(HelperIds.FetchLocal));
        Assert.Equal(4, k.HelperCallsOf(HelperIds.StoreLocal));
        Assert.Equal(8, k.HelperCalls);
        Assert.InRange(k.RunTicksMin, 0, k.RunTicksAverage);
        Assert.InRange(k.RunTicksAverage, k.RunTicksMin, k.RunTicksMax);
        Assert.Contains(_rig.Runtime.Monitor.RecentEvents(), e => e.Kind == RuntimeEventKind.Installed && e.ContainerName == "worker");
    }

    [Fact]
    public void The_recent_event_list_keeps_the_newest_events()
    {
        Container spin = _rig.Install("evil", "spin", Bpf.Spin());
        for (int i = 0; i < 40; i++)
        {
            _rig.Runtime.Start(spin);
            Beat(3);
        }
        RuntimeEvent[] recent = _rig.Runtime.Monitor.RecentEvents();
        Assert.Equal(RuntimeMonitor.RecentCapacity, recent.Length);
        Assert.True(_rig.Runtime.Monitor.TotalEvents > RuntimeMonitor.RecentCapacity);
        Assert.Equal(RuntimeEventKind.Quarantined, recent[^1].Kind);
        Assert.True(recent.Zip(recent.Skip(1)).All(p => p.First.TimestampMs <= p.Second.TimestampMs));
    }
}
