using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Runtime.Tests.Support;

namespace WasmBox.Nano.Runtime.Tests;

/// <summary>The board-wide budget: the runtime's tenants plus every container's estimate stay within IBoard.HeapBudgetBytes.</summary>
public class BoardMemoryTests
{
    /// <summary>The fake board with a chosen heap budget.</summary>
    private sealed class BudgetBoard(int heapBudgetBytes) : IBoard
    {
        public FakeBoard Inner { get; } = new();
        public string DeviceId => Inner.DeviceId;
        public IGpio Gpio => Inner.Gpio;
        public ISensorBus Sensors => Inner.Sensors;
        public IClock Clock => Inner.Clock;
        public IStorage Storage => Inner.Storage;
        public ILogSink Log => Inner.Log;
        public int HeapBudgetBytes => heapBudgetBytes;
    }

    private static (WasmBoxRuntime Runtime, List<RuntimeEvent> Events) RuntimeOn(int heapBudgetBytes)
    {
        var runtime = new WasmBoxRuntime(new BudgetBoard(heapBudgetBytes), null, null);
        var events = new List<RuntimeEvent>();
        runtime.Monitor.AddListener(new Listener(events));
        PolicyParseResult parsed = PolicyParser.Parse(Rig.Document(Rig.Tenant("a")));
        Assert.Null(runtime.Provision(parsed.Tenants));
        return (runtime, events);
    }

    private static InstallResult InstallSmall(WasmBoxRuntime runtime, string name) =>
        runtime.Install("a", Rig.Manifest(name), Bpf.Return(0));

    [Fact]
    public void A_tiny_heap_budget_refuses_the_install_and_installs_nothing()
    {
        var (runtime, events) = RuntimeOn(4096);
        Tenant tenant = runtime.FindTenant("a")!;

        InstallResult result = InstallSmall(runtime, "one");

        Assert.Equal(InstallError.BoardMemoryExhausted, result.Error);
        Assert.Null(result.Container);
        Assert.Matches(@"^container needs about \d+ bytes of RAM, the board has \d+ of its 4096-byte heap budget left "
            + @"\(0 containers hold 0, the runtime's tenants \d+\)$", result.Reason);
        Assert.Contains("tenants " + runtime.ReserveBytes + ")", result.Reason);
        Assert.Empty(runtime.Containers);
        Assert.Equal(0, tenant.ContainerCount);
        Assert.Equal(0, tenant.RamInUse);
        Assert.Equal(0, runtime.ContainerRamBytes);
        Assert.Equal(RuntimeEventKind.InstallRefused, Assert.Single(events).Kind);
    }

    [Fact]
    public void The_budget_holds_exactly_the_containers_whose_estimates_fit_beside_the_reserve()
    {
        var (probe, _) = RuntimeOn(1 << 24);
        int each = InstallSmall(probe, "probe").Container.RamBytes;
        var (runtime, _) = RuntimeOn(probe.ReserveBytes + 2 * each);

        Assert.True(InstallSmall(runtime, "one").Ok);
        Assert.True(InstallSmall(runtime, "two").Ok);
        InstallResult third = InstallSmall(runtime, "three");

        Assert.Equal(InstallError.BoardMemoryExhausted, third.Error);
        Assert.Contains("the board has 0 of its", third.Reason);
        Assert.Equal(2, runtime.Containers.Length);
        Assert.Equal(2 * each, runtime.ContainerRamBytes);
    }

    [Fact]
    public void Removing_a_container_returns_its_estimate_to_the_board()
    {
        var (probe, _) = RuntimeOn(1 << 24);
        int each = InstallSmall(probe, "probe").Container.RamBytes;
        var (runtime, _) = RuntimeOn(probe.ReserveBytes + each);
        InstallResult first = InstallSmall(runtime, "one");
        Assert.Equal(InstallError.BoardMemoryExhausted, InstallSmall(runtime, "two").Error);

        Assert.True(runtime.Remove(first.Container));

        Assert.True(InstallSmall(runtime, "two").Ok);
    }

    [Fact]
    public void The_reserve_grows_with_each_provisioned_tenant()
    {
        var (runtime, _) = RuntimeOn(1 << 24);
        int one = runtime.ReserveBytes;
        PolicyParseResult second = PolicyParser.Parse(Rig.Document(Rig.Tenant("b")));

        Assert.Null(runtime.Provision(second.Tenants));

        Assert.Equal(RamEstimate.OfTenant(runtime.FindTenant("a")!.Policy), one);
        Assert.Equal(one + RamEstimate.OfTenant(second.Tenants[0]), runtime.ReserveBytes);
    }

    private sealed class Listener(List<RuntimeEvent> events) : IRuntimeEvents
    {
        public void OnRuntimeEvent(RuntimeEvent e) => events.Add(e);
    }
}
