using System.Text;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Tests.Support;

namespace WasmBox.Nano.Runtime.Tests;

/// <summary>
/// Tenants' hook filters, grants and publishes are relative to wbx/{deviceId}/app/, so even a
/// grant of "#" never reaches a control topic; subscriptions shared with the device agent are
/// reference-counted, so removing a container drops nothing another holder needs.
/// </summary>
public class TopicNamespaceTests
{
    private readonly Rig _rig = new();

    public TopicNamespaceTests() => _rig.Provision(Rig.Tenant("greedy", topics: "\"#\""));

    [Fact]
    public void A_hook_on_hash_hears_its_apps_topics_and_no_control_topic()
    {
        Container c = _rig.Install("greedy", "all", Bpf.Return(0), HookBinding.Mqtt("#"));
        Assert.Equal(new[] { Rig.App + "#" }, _rig.Transport.Subscriptions.Keys);

        _rig.Transport.Deliver("wbx/test-board/deploy", [1]);
        _rig.Transport.Deliver("wbx/test-board/invoke/acme/1", [1]);
        _rig.Transport.Deliver("acme/data/x", [1]);
        _rig.Transport.Deliver("wbx/other-board/app/x", [1]);
        Assert.Equal(0, c.Counters.Runs);

        _rig.Transport.Deliver(Rig.App + "acme/data/x", [1]);
        Assert.Equal(1, c.Counters.Runs);
    }

    [Fact]
    public void A_publish_lands_under_the_app_prefix_whatever_the_program_names()
    {
        var m = Rig.Manifest("pub");
        byte[] code = new Bpf().Lddw(1, ContextLayout.PayloadAddress).Lddw(2, ContextLayout.PayloadAddress).Mov(3, 0).Mov(4, 0)
            .Call(HelperIds.MqttPublish).Exit().Build();
        Container c = _rig.Install("greedy", m, code);
        foreach (string topic in new[] { "deploy/result", "../deploy", "state" })
        {
            _rig.Runtime.Invoke(c, HookKind.Mqtt, "x", Encoding.ASCII.GetBytes(topic + "\0"), topic.Length + 1, null);
        }
        Assert.Equal(new[] { Rig.App + "deploy/result", Rig.App + "../deploy", Rig.App + "state" },
            _rig.Transport.Published.Select(p => p.Topic));
    }

    [Fact]
    public void Removing_a_container_keeps_a_filter_another_holder_still_needs()
    {
        var agent = new Recorder();
        SharedTransport shared = _rig.Runtime.Services.Transport;
        shared.Subscribe(Rig.App + "shared/#", 1, agent);
        Container c = _rig.Install("greedy", "tenant", Bpf.Return(0), HookBinding.Mqtt("shared/#"));
        Assert.Equal(2, shared.HoldersOf(Rig.App + "shared/#"));
        Assert.Single(_rig.Transport.Subscriptions);

        _rig.Transport.Deliver(Rig.App + "shared/a", [1]);
        Assert.Equal((1, 1L), (agent.Messages, c.Counters.Runs));

        Assert.True(_rig.Runtime.Remove(c));
        Assert.Equal(1, shared.HoldersOf(Rig.App + "shared/#"));
        _rig.Transport.Deliver(Rig.App + "shared/b", [1]);
        Assert.Equal(2, agent.Messages);

        Assert.True(shared.Release(Rig.App + "shared/#", agent));
        Assert.Empty(_rig.Transport.Subscriptions);
        Assert.False(shared.Release(Rig.App + "shared/#", agent));
    }

    private sealed class Recorder : IMessageHandler
    {
        public int Messages { get; private set; }

        public void OnMessage(string topic, byte[] payload) => Messages++;
    }
}
