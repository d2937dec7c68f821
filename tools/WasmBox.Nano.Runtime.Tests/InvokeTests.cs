using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Tests.Support;

namespace WasmBox.Nano.Runtime.Tests;

/// <summary>Remote invocation runs exactly the chosen container.</summary>
public class InvokeTests
{
    private readonly Rig _rig = new();

    public InvokeTests() => _rig.Provision(Rig.Tenant("a"));

    [Fact]
    public void Only_the_invoked_container_runs_even_when_others_share_its_hook()
    {
        Container seven = _rig.Install("a", "seven", Bpf.Return(7), HookBinding.Mqtt("a/cmd"));
        Container nine = _rig.Install("a", "nine", Bpf.Return(9), HookBinding.Mqtt("a/cmd"));

        Assert.True(_rig.Runtime.Invoke(nine, HookKind.Mqtt, "a/cmd", new byte[] { 1 }, 1, null));

        Assert.Equal(0, seven.Counters.Runs);
        Assert.Equal(1, nine.Counters.Runs);
        Assert.Equal(9UL, nine.LastResult);
    }

    [Fact]
    public void A_stopped_container_is_not_run()
    {
        Container c = _rig.Install("a", "stopped", Bpf.Return(7), HookBinding.Mqtt("a/cmd"));
        Assert.True(_rig.Runtime.Stop(c));

        Assert.False(_rig.Runtime.Invoke(c, HookKind.Mqtt, "a/cmd", null, 0, null));
        Assert.Equal(0, c.Counters.Runs);
    }
}
