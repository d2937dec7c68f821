using System.Text;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Runtime.Tests.Support;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Tests;

/// <summary>Hooks: run order, chain policies, timers, pin edges, messages, boot/install, the context struct and queues.</summary>
public class HookTests
{
    private readonly Rig _rig = new();

    public HookTests()
    {
        _rig.Provision(Rig.Tenant("a", pins: "{\"pin\": 0, \"mode\": \"input\"}",
            limits: Rig.DefaultLimits.Replace("\"maxContainers\": 4", "\"maxContainers\": 8") + ", \"payloadBytes\": 8"));
    }

    /// <summary>global[1] = global[1] * 10 + mark; returns <paramref name="result"/>.</summary>
    private static byte[] Mark(int mark, int result) => new Bpf()
        .Mov(1, 1).StackPointer(2, -8).Call(HelperIds.FetchGlobal)
        .LdxW(2, 10, -8).Raw(0x27, 2, 0, 0, 10).Add(2, mark).Mov(1, 1).Call(HelperIds.StoreGlobal)
        .Mov(0, result).Exit().Build();

    private uint Order => _rig.Runtime.FindTenant("a")!.GlobalStore.Fetch(1);

    private Container InstallMarked(string name, int mark, int result, int priority, HookBinding hook)
    {
        ContainerManifest m = Rig.Manifest(name, hook);
        m.Priority = priority;
        return _rig.Install("a", m, Mark(mark, result));
    }

    [Fact]
    public void Containers_on_a_hook_run_by_priority_then_install_order()
    {
        InstallMarked("one", 1, 0, 5, HookBinding.Timer(100));
        InstallMarked("two", 2, 0, 0, HookBinding.Timer(100));
        InstallMarked("three", 3, 0, 5, HookBinding.Timer(100));
        Assert.Equal(3, _rig.Runtime.Dispatch(HookKind.Timer, 100, null, null, 0));
        Assert.Equal(213u, Order);
    }

    [Theory]
    [InlineData(HookPolicy.Continue, 1, -1, 123u)]
    [InlineData(HookPolicy.StopOnNegative, 1, -1, 12u)]
    [InlineData(HookPolicy.StopOnNegative, 1, 0, 123u)]
    [InlineData(HookPolicy.StopOnPositive, 0, 2, 12u)]
    [InlineData(HookPolicy.StopOnPositive, 1, 0, 1u)]
    public void Hook_policies_stop_the_chain_on_the_chosen_sign(HookPolicy policy, int first, int second, uint expected)
    {
        _rig.Runtime.SetHookPolicy(HookKind.Timer, 100, null, policy);
        InstallMarked("one", 1, first, 0, HookBinding.Timer(100));
        InstallMarked("two", 2, second, 0, HookBinding.Timer(100));
        InstallMarked("three", 3, 7, 0, HookBinding.Timer(100));
        _rig.Runtime.Dispatch(HookKind.Timer, 100, null, null, 0);
        Assert.Equal(expected, Order);
    }

    [Fact]
    public void A_faulting_container_does_not_stop_a_chain()
    {
        _rig.Runtime.SetHookPolicy(HookKind.Timer, 100, null, HookPolicy.StopOnNegative);
        InstallMarked("one", 1, 0, 0, HookBinding.Timer(100));
        _rig.Install("a", "crash", new Bpf().Lddw(1, 0x7000_0000).LdxW(0, 1, 0).Exit().Build());
        InstallMarked("three", 3, 0, 9, HookBinding.Timer(100));
        _rig.Runtime.Dispatch(HookKind.Timer, 100, null, null, 0);
        Assert.Equal(13u, Order);
    }

    [Fact]
    public void Queued_chains_forward_from_container_to_container_in_order()
    {
        _rig.Runtime.SetHookPolicy(HookKind.Timer, 100, null, HookPolicy.StopOnNegative);
        InstallMarked("one", 1, 1, 0, HookBinding.Timer(100));
        InstallMarked("two", 2, -1, 1, HookBinding.Timer(100));
        InstallMarked("three", 3, 0, 2, HookBinding.Timer(100));
        Assert.Equal(1, _rig.Runtime.Fire(HookKind.Timer, 100, null, null, 0)); // queued to the head only
        Assert.Equal(2, _rig.Runtime.RunPending());
        Assert.Equal(12u, Order);
    }

    [Fact]
    public void Timer_hooks_fire_when_due_and_skip_missed_beats()
    {
        ManualClock clock = _rig.Board.FakeClock;
        Container c = _rig.Install("a", "tick", Bpf.Return(0), HookBinding.Timer(100));
        long start = clock.NowMs;
        foreach (long t in new long[] { 50, 100, 150, 500, 550, 600 })
        {
            clock.NowMs = start + t;
            _rig.Runtime.Tick();
        }
        Assert.Equal(3, c.Counters.Runs); // at +100, +500 (catching up once), +600
    }

    [Fact]
    public void Gpio_edges_wake_the_container_with_pin_and_edge_in_the_context()
    {
        ContainerManifest m = Rig.Manifest("button", HookBinding.GpioEdge(0));
        m.Pins = new[] { new PinGrant(0, PinDriveMode.Input) };
        // r0 = kind << 16 | param << 8 | flags
        byte[] code = new Bpf()
            .LdxW(0, 1, ContextLayout.HookKind).Raw(0x67, 0, 0, 0, 8)
            .LdxW(2, 1, ContextLayout.HookParam).AddReg(0, 2).Raw(0x67, 0, 0, 0, 8)
            .LdxW(2, 1, ContextLayout.Flags).AddReg(0, 2).Exit().Build();
        Container c = _rig.Install("a", m, code);

        _rig.Board.FakeGpio.Edge(0, rising: true, timestampMs: 77);
        Assert.Equal(((ulong)HookKind.GpioEdge << 16) | (0 << 8) | HookEvent.FlagRisingEdge, c.LastResult);
        _rig.Board.FakeGpio.Edge(0, rising: false, timestampMs: 78);
        Assert.Equal((ulong)HookKind.GpioEdge << 16, c.LastResult);
        Assert.Equal(2, c.Counters.Runs);
    }

    [Fact]
    public void The_context_carries_timestamp_sequence_and_payload_lengths()
    {
        byte[] code = new Bpf().LdxDw(0, 1, ContextLayout.TimestampMs).LdxW(2, 1, ContextLayout.Sequence)
            .LdxW(3, 1, ContextLayout.PayloadLength).LdxW(4, 1, ContextLayout.OriginalLength).LdxW(5, 1, ContextLayout.Flags)
            .Raw(0x67, 0, 0, 0, 8).AddReg(0, 2).Raw(0x67, 0, 0, 0, 8).AddReg(0, 3)
            .Raw(0x67, 0, 0, 0, 8).AddReg(0, 4).Raw(0x67, 0, 0, 0, 8).AddReg(0, 5).Exit().Build();
        Container c = _rig.Install("a", "ctx", code, HookBinding.Mqtt("a/in"));
        _rig.Board.FakeClock.NowMs = 3;
        _rig.Transport.Deliver(Rig.App + "a/in", new byte[20]);
        _rig.Transport.Deliver(Rig.App + "a/in", new byte[5]);
        // timestamp 3, sequence 2, payload 5 of 5, no flags; the first run saw 8 of 20, truncated.
        Assert.Equal(0x03_02_05_05_00UL, c.LastResult);
        _rig.Transport.Deliver(Rig.App + "a/in", new byte[20]);
        Assert.Equal(0x03_03_08_14_02UL, c.LastResult);
    }

    [Fact]
    public void Writes_to_the_context_fault()
    {
        Container c = _rig.Install("a", "w", new Bpf().StW(1, 0, 1).Exit().Build());
        _rig.RunTimer(c);
        Assert.Equal(VmStatus.MemoryPermission, c.LastStatus);
    }

    [Fact]
    public void Messages_reach_each_matching_hook_once_and_subscriptions_follow_the_containers()
    {
        Container all = _rig.Install("a", "all", Bpf.Return(0), HookBinding.Mqtt("a/#"));
        Container exact = _rig.Install("a", "exact", Bpf.Return(0), HookBinding.Mqtt("a/t"));
        Assert.Equal(new[] { Rig.App + "a/#", Rig.App + "a/t" }, _rig.Transport.Subscriptions.Keys.Order());

        _rig.Transport.Deliver(Rig.App + "a/t", Encoding.ASCII.GetBytes("x"));
        _rig.Transport.Deliver(Rig.App + "a/u", Encoding.ASCII.GetBytes("x"));
        Assert.Equal(2, all.Counters.Runs);
        Assert.Equal(1, exact.Counters.Runs);

        _rig.Runtime.Remove(exact);
        Assert.Equal(new[] { Rig.App + "a/#" }, _rig.Transport.Subscriptions.Keys);
    }

    [Fact]
    public void Boot_runs_boot_hooks_and_install_runs_once_per_container()
    {
        Container boot = _rig.Install("a", "boot", Bpf.Return(0), HookBinding.Boot());
        Container install = _rig.Install("a", "inst", Bpf.Return(0), HookBinding.Install());
        Assert.Equal(0, boot.Counters.Runs);
        Assert.Equal(1, install.Counters.Runs);

        _rig.Runtime.Boot();
        Assert.Equal(1, boot.Counters.Runs);
        Assert.Equal(1, install.Counters.Runs);

        _rig.Runtime.Stop(install);
        _rig.Runtime.Start(install);
        Assert.Equal(1, install.Counters.Runs);
    }

    [Fact]
    public void Only_running_containers_receive_events()
    {
        Container c = _rig.Install("a", "life", Bpf.Return(0));
        Assert.False(_rig.Runtime.Start(c));
        Assert.True(_rig.Runtime.Stop(c));
        Assert.Equal(ContainerState.Stopped, c.State);
        _rig.RunTimer(c);
        Assert.Equal(0, c.Counters.Runs);

        Assert.True(_rig.Runtime.Start(c));
        _rig.RunTimer(c);
        Assert.Equal(1, c.Counters.Runs);

        Assert.True(_rig.Runtime.Remove(c));
        Assert.Equal(ContainerState.Removed, c.State);
        Assert.False(_rig.Runtime.Start(c));
        Assert.Equal(0, _rig.Runtime.Dispatch(HookKind.Timer, 100, null, null, 0));
    }

    [Fact]
    public void A_full_queue_drops_and_counts_events_and_reports_them_in_the_context()
    {
        Container c = _rig.Install("a", "q", new Bpf().LdxW(0, 1, ContextLayout.Dropped).Exit().Build());
        for (int i = 0; i < 6; i++)
        {
            _rig.Runtime.Fire(HookKind.Timer, 100, null, null, 0);
        }
        Assert.Equal(4, c.Queue.Count);
        Assert.Equal(2, c.Queue.Dropped);
        Assert.Equal(4, _rig.Runtime.RunPending());
        Assert.Equal(2UL, c.LastResult);
    }

    [Fact]
    public void Threads_run_queued_events_and_forward_chains()
    {
        _rig.Runtime.SetHookPolicy(HookKind.Timer, 100, null, HookPolicy.StopOnNegative);
        Container one = InstallMarked("one", 1, 0, 0, HookBinding.Timer(100));
        Container two = InstallMarked("two", 2, -1, 1, HookBinding.Timer(100));
        Container three = InstallMarked("three", 3, 0, 2, HookBinding.Timer(100));
        _rig.Runtime.StartThreads(5);
        try
        {
            for (int i = 0; i < 3; i++)
            {
                _rig.Runtime.Fire(HookKind.Timer, 100, null, null, 0);
                Assert.True(SpinWait.SpinUntil(() => two.Counters.Runs == i + 1, TimeSpan.FromSeconds(10)));
            }
        }
        finally
        {
            _rig.Runtime.Shutdown();
        }
        Assert.Equal(3, one.Counters.Runs);
        Assert.Equal(0, three.Counters.Runs);
        Assert.Equal(121212u, Order);
    }
}
