using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Runtime.Tests.Support;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Tests;

/// <summary>One tenant's containers can never observe or change another's stores, pins, topics or memory.</summary>
public class IsolationTests
{
    private readonly Rig _rig = new();

    public IsolationTests()
    {
        _rig.Provision(
            Rig.Tenant("a", pins: "{\"pin\": 2, \"mode\": \"output\"}"),
            Rig.Tenant("b", pins: "{\"pin\": 3, \"mode\": \"output\"}"));
    }

    private static byte[] Fetch(int helper, int key) => new Bpf()
        .StW(10, -8, 0).Mov(1, key).StackPointer(2, -8).Call(helper).LdxW(0, 10, -8).Exit().Build();

    private static byte[] Store(int helper, int key, int value) =>
        new Bpf().Mov(1, key).Mov(2, value).Call(helper).Exit().Build();

    [Fact]
    public void Global_stores_are_shared_within_a_tenant_and_invisible_across_tenants()
    {
        Container writer = _rig.Install("a", "writer", Store(HelperIds.StoreGlobal, 1, 42), HookBinding.Timer(100));
        Container sibling = _rig.Install("a", "sibling", Fetch(HelperIds.FetchGlobal, 1), HookBinding.Timer(200));
        Container other = _rig.Install("b", "other", Fetch(HelperIds.FetchGlobal, 1), HookBinding.Timer(200));
        Container overwrite = _rig.Install("b", "overwrite", Store(HelperIds.StoreGlobal, 1, 666), HookBinding.Timer(300));

        _rig.RunTimer(writer, 100);
        _rig.RunTimer(overwrite, 300);
        _rig.Runtime.Dispatch(HookKind.Timer, 200, null, null, 0);

        Assert.Equal(42UL, sibling.LastResult);
        Assert.Equal(666UL, other.LastResult);
        Assert.Equal(42u, _rig.Runtime.FindTenant("a")!.GlobalStore.Fetch(1));
    }

    [Fact]
    public void Local_stores_belong_to_one_container()
    {
        Container writer = _rig.Install("a", "writer", Store(HelperIds.StoreLocal, 1, 42), HookBinding.Timer(100));
        Container reader = _rig.Install("a", "reader", Fetch(HelperIds.FetchLocal, 1), HookBinding.Timer(200));
        _rig.RunTimer(writer, 100);
        _rig.RunTimer(reader, 200);
        Assert.Equal(0UL, reader.LastResult);
    }

    [Fact]
    public void A_tenant_can_neither_declare_nor_drive_another_tenants_pin()
    {
        ContainerManifest m = Rig.Manifest("grab");
        m.Pins = new[] { new PinGrant(2, PinDriveMode.Output) };
        Assert.Equal(InstallError.PinNotGranted, _rig.TryInstall("b", m, Bpf.Return(0)).Error);

        ContainerManifest owner = Rig.Manifest("owner", HookBinding.Timer(500));
        owner.Pins = new[] { new PinGrant(2, PinDriveMode.Output) };
        _rig.Install("a", owner, Bpf.Return(0));
        Container intruder = _rig.Install("b", "intruder", new Bpf().Mov(1, 2).Mov(2, 1).Call(HelperIds.GpioWrite).Exit().Build());
        _rig.RunTimer(intruder);
        Assert.Equal(Errno.Result(Errno.Access), intruder.LastResult);
        Assert.False(_rig.Board.FakeGpio.Read(2));
    }

    [Fact]
    public void A_tenant_cannot_subscribe_or_publish_outside_its_topics()
    {
        InstallResult listen = _rig.TryInstall("b", Rig.Manifest("listen", HookBinding.Mqtt("a/#")), Bpf.Return(0));
        Assert.Equal(InstallError.HookNotAllowed, listen.Error);
        InstallResult coap = _rig.TryInstall("b", Rig.Manifest("serve", HookBinding.Coap("/a/status")), Bpf.Return(0));
        Assert.Equal(InstallError.HookNotAllowed, coap.Error);
    }

    [Fact]
    public void Containers_see_only_their_own_memory()
    {
        ContainerManifest secret = Rig.Manifest("secret");
        secret.Data = BitConverter.GetBytes(0x5EC2E7UL);
        Container a = _rig.Install("a", secret, new Bpf().Lddw(1, MemoryRegion.DataBase).LdxDw(0, 1, 0).Exit().Build());

        // b reads the same virtual address: its own data section, not a's.
        ContainerManifest own = Rig.Manifest("own");
        own.Data = new byte[8];
        Container b = _rig.Install("b", own, new Bpf().Lddw(1, MemoryRegion.DataBase).LdxDw(0, 1, 0).Exit().Build());
        // A container without a data section faults at that address.
        Container c = _rig.Install("b", "none", new Bpf().Lddw(1, MemoryRegion.DataBase).LdxDw(0, 1, 0).Exit().Build());

        _rig.Runtime.Dispatch(HookKind.Timer, 100, null, null, 0);
        Assert.Equal(0x5EC2E7UL, a.LastResult);
        Assert.Equal(0UL, b.LastResult);
        Assert.Equal(VmStatus.MemoryOutOfBounds, c.LastStatus);
    }

    [Fact]
    public void Data_sections_persist_per_container_and_the_stack_does_not()
    {
        ContainerManifest m = Rig.Manifest("count");
        m.Data = new byte[8];
        // data[0] += 1; stack[-8] += 1; return data[0] << 8 | stack[-8]
        byte[] code = new Bpf()
            .Lddw(1, MemoryRegion.DataBase).LdxDw(2, 1, 0).Add(2, 1).StxDw(1, 0, 2)
            .LdxDw(3, 10, -8).Add(3, 1).StxDw(10, -8, 3)
            .MovReg(0, 2).Raw(0x67, 0, 0, 0, 8).AddReg(0, 3).Exit().Build();
        Container c = _rig.Install("a", m, code);
        _rig.RunTimer(c);
        _rig.RunTimer(c);
        Assert.Equal((2UL << 8) | 1, c.LastResult);
        Assert.Equal(new byte[8], m.Data);
    }
}
