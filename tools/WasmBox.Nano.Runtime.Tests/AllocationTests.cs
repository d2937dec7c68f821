using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Runtime.Tests.Support;

namespace WasmBox.Nano.Runtime.Tests;

/// <summary>After warm-up, delivering events and running containers allocates nothing.</summary>
public class AllocationTests
{
    private readonly Rig _rig = new();
    private readonly Container _container;

    public AllocationTests()
    {
        _rig.Provision(Rig.Tenant("a", pins: "{\"pin\": 2, \"mode\": \"output\"}",
            sensors: "{\"name\": \"temp0\", \"access\": \"read\"}",
            limits: Rig.DefaultLimits.Replace("1000, \"helperCallsPerSecond\": 1000", "100000, \"helperCallsPerSecond\": 10000000")));
        ContainerManifest m = Rig.Manifest("busy", HookBinding.Timer(100), HookBinding.Mqtt("a/in"));
        m.Pins = new[] { new PinGrant(2, PinDriveMode.Output) };
        m.Sensors = new[] { new SensorGrant("temp0", false) };
        // A run touching stores, the clock, a pin, a sensor, fmt and the payload.
        byte[] code = new Bpf()
            .Mov(1, 1).StackPointer(2, -8).Call(HelperIds.FetchLocal)
            .LdxW(2, 10, -8).Add(2, 1).Mov(1, 1).Call(HelperIds.StoreLocal)
            .Call(HelperIds.NowMs).Mov(1, 2).MovReg(2, 0).Call(HelperIds.GpioWrite)
            .Mov(1, 1).StackPointer(2, -16).Call(HelperIds.SaulRead)
            .StackPointer(1, -32).Mov(2, 1234).Call(HelperIds.FmtU32Dec)
            .StackPointer(1, -40).Mov(2, 0).Mov(3, 8).Call(HelperIds.PayloadRead)
            .Mov(1, 7).Mov(2, 7).Call(HelperIds.StoreGlobal)
            .Exit().Build();
        _container = _rig.Install("a", m, code);
    }

    private static long Measure(Action action, int times)
    {
        for (int i = 0; i < 100; i++)
        {
            action();
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < times; i++)
        {
            action();
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Synchronous_timer_dispatch_allocates_nothing()
    {
        long bytes = Measure(() => _rig.Runtime.Dispatch(HookKind.Timer, 100, null, null, 0), 1000);
        Assert.Equal(0, bytes);
        Assert.Equal(1100, _container.Counters.Runs);
        Assert.Equal(0, _container.Counters.Faults);
    }

    [Fact]
    public void Queued_message_delivery_and_draining_allocates_nothing()
    {
        byte[] payload = new byte[16];
        long bytes = Measure(() =>
        {
            _rig.Runtime.Fire(HookKind.Mqtt, 0, "a/in", payload, payload.Length);
            _container.Drain();
        }, 1000);
        Assert.Equal(0, bytes);
        Assert.Equal(1100, _container.Counters.Runs);
        Assert.Equal(0, _container.Counters.Faults);
    }
}
