using System.Collections.Concurrent;
using System.Text;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Protocol;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Monitoring;

namespace WasmBox.Nano.Deploy.Tests;

/// <summary>
/// Issue 11's broker attacks replayed by an outsider (a plain client on the real mosquitto, no
/// tenant key) against a simulated device: each is contained.
/// </summary>
public class OutsiderMqttTests(Mosquitto mosquitto) : IClassFixture<Mosquitto>
{
    [SkippableFact]
    public async Task One_invoke_a_pause_then_thirty_quick_ones_quarantine_no_innocent_function()
    {
        await using Scene scene = await Scene.StartAsync(mosquitto, "spike");
        var (id, device, client, outsider) = (scene.Id, scene.Device, scene.Client, scene.Outsider);
        Assert.True((await client.InvokeAsync(id, "acme", 1, [1], Devices.Wait))!.Ok);
        // The pause: six quiet rate windows, so the rate rule's baseline is 0 once warmed up.
        await Task.Delay(TimeSpan.FromSeconds(6));

        string topic = scene.Topics.Invoke("acme", 1);
        for (int i = 0; i < 30; i++)
            await outsider.PublishAsync(topic, [1], MqttQos.AtLeastOnce);
        Container echo = device.Runtime.Find("acme", "echo")!;
        await Until(() => echo.Counters.Runs == 31);

        Assert.Equal(ContainerState.Running, echo.State);
        Assert.Equal(AnomalyKind.None, echo.Health.LastAnomaly);
        Assert.DoesNotContain(device.Runtime.Monitor.RecentEvents(), e => e.Kind == RuntimeEventKind.Quarantined);
        Assert.True((await client.InvokeAsync(id, "acme", 1, [1], Devices.Wait))!.Ok);
    }

    [SkippableFact]
    public async Task A_200000_byte_publish_is_discarded_answered_too_large_and_the_session_survives()
    {
        await using Scene scene = await Scene.StartAsync(mosquitto, "huge");
        var (id, topics, device, client, outsider) = (scene.Id, scene.Topics, scene.Device, scene.Client, scene.Outsider);
        var states = new ConcurrentQueue<string>();
        var results = new ConcurrentQueue<string>();
        await outsider.SubscribeAsync(topics.State, MqttQos.AtLeastOnce, m => states.Enqueue(Encoding.UTF8.GetString(m.Payload)));
        await outsider.SubscribeAsync(topics.Result, MqttQos.AtLeastOnce, m => results.Enqueue(Encoding.UTF8.GetString(m.Payload)));
        await outsider.SubscribeAsync(topics.Invoke("acme", 1) + DeviceTopics.ResultSuffix, MqttQos.AtLeastOnce,
            m => results.Enqueue(Encoding.UTF8.GetString(m.Payload)));

        for (int round = 0; round < 3; round++)
        {
            await outsider.PublishAsync(topics.Deploy, new byte[200_000], MqttQos.AtLeastOnce);
            await outsider.PublishAsync(topics.Invoke("acme", 1), new byte[200_000], MqttQos.AtLeastOnce);
        }
        await Until(() => results.Count(r => r.Contains("\"refusal\":\"too-large\"")) == 6);
        Assert.Equal(3, results.Count(r => r.Contains("\"op\":\"deploy\"") && r.Contains("\"bytes\":200000")));

        // QoS 1 traffic right behind the flood still flows, on the same session.
        Assert.Equal(1005, (await client.InvokeAsync(id, "acme", 1, Encoding.ASCII.GetBytes("hello"), Devices.Wait))!.Result);
        UpdateReply update = await MqttDeploymentTests.DeployOne(client, id, TestBundles.Echo(2, 2000));
        Assert.True(update.Ok, update.ToString());
        Assert.True(device.IsConnected);
        Assert.DoesNotContain(states, s => s.Contains("\"online\":false"));
    }

    [SkippableFact]
    public async Task A_non_canonical_slot_is_refused_on_the_topic_it_came_on_and_runs_nothing()
    {
        await using Scene scene = await Scene.StartAsync(mosquitto, "echo-topic");
        var (topics, device, outsider) = (scene.Topics, scene.Device, scene.Outsider);
        var answers = new ConcurrentQueue<(string Topic, string Text)>();
        await outsider.SubscribeAsync(topics.InvokePrefix + "#", MqttQos.AtLeastOnce, m =>
        {
            if (m.Topic.EndsWith(DeviceTopics.ResultSuffix, StringComparison.Ordinal))
                answers.Enqueue((m.Topic, Encoding.UTF8.GetString(m.Payload)));
        });
        foreach (string slot in new[] { "000000001", "01", "1 " })
            await outsider.PublishAsync(topics.InvokePrefix + "acme/" + slot, [1], MqttQos.AtLeastOnce);
        await outsider.PublishAsync(topics.Invoke("acme", 1), [1], MqttQos.AtLeastOnce);
        await Until(() => answers.Count == 4);

        Assert.Equal(
            new[] { "acme/000000001/result", "acme/01/result", "acme/1 /result", "acme/1/result" },
            answers.Select(a => a.Topic[topics.InvokePrefix.Length..]).Order(StringComparer.Ordinal));
        Assert.All(answers.Where(a => a.Topic != topics.InvokeResult("acme", 1)), a => Assert.Contains("\"refusal\":\"bad-request\"", a.Text));
        Assert.Contains("\"ok\":true", answers.Single(a => a.Topic == topics.InvokeResult("acme", 1)).Text);
        Assert.Equal(1, device.Runtime.Find("acme", "echo")!.Counters.Runs);
    }

    [SkippableFact]
    public async Task A_tenant_granted_everything_hears_only_its_devices_app_topics()
    {
        await using Scene scene = await Scene.StartAsync(mosquitto, "namespace", deployEcho: false);
        var (id, topics, device, client, outsider) = (scene.Id, scene.Topics, scene.Device, scene.Client, scene.Outsider);
        UpdateReply wide = await MqttDeploymentTests.DeployOne(client, id,
            TestBundles.Echo(1, 0, tenant: TestTenants.Wide, name: "all", hook: new HookRequest { Kind = HookKind.Mqtt, Path = "#" }));
        Assert.True(wide.Ok, wide.ToString());
        Container all = device.Runtime.Find(TestTenants.Wide, "all")!;

        // Control traffic of every kind, and a fleet-wide publish on the bare tenant topic.
        Assert.True((await MqttDeploymentTests.DeployOne(client, id, TestBundles.Echo(1, 1000))).Ok);
        Assert.True((await client.InvokeAsync(id, "acme", 1, [1], Devices.Wait))!.Ok);
        Assert.NotNull(await client.GetStateAsync(id, Devices.Wait));
        await outsider.PublishAsync("acme/in", [1], MqttQos.AtLeastOnce);
        await outsider.PublishAsync(topics.App + "acme/in", [1], MqttQos.AtLeastOnce);
        Container echo = device.Runtime.Find("acme", "echo")!;
        await Until(() => echo.Counters.Runs == 2 && all.Counters.Runs == 1);

        // The only run of the "#" hook is the app publish; the echo ran for the invoke and the app publish, not the bare topic.
        await Task.Delay(200);
        Assert.Equal((1L, 2L), (all.Counters.Runs, echo.Counters.Runs));
    }

    /// <summary>A device (acme's echo installed at slot 1 unless asked otherwise), the owner's client and an outsider's plain client.</summary>
    private sealed class Scene : IAsyncDisposable
    {
        public required string Id { get; init; }
        public required DeviceTopics Topics { get; init; }
        public required SimulatedDevice Device { get; init; }
        public required DeviceClient Client { get; init; }
        public required MqttSession Outsider { get; init; }

        public static async Task<Scene> StartAsync(Mosquitto mosquitto, string stem, bool deployEcho = true)
        {
            MqttEndpoint broker = mosquitto.Require();
            string id = Devices.NewId(stem);
            SimulatedDevice device = await Devices.StartAsync(broker, id);
            DeviceClient client = await DeviceClient.ConnectAsync(broker);
            var outsider = new MqttSession(new MqttSessionOptions { Endpoint = broker, ClientId = "outsider-" + id });
            await outsider.ConnectAsync();
            var scene = new Scene { Id = id, Topics = new DeviceTopics(id), Device = device, Client = client, Outsider = outsider };
            if (deployEcho)
                Assert.True((await MqttDeploymentTests.DeployOne(client, id, TestBundles.Echo(1, 1000))).Ok);
            return scene;
        }

        public async ValueTask DisposeAsync()
        {
            await Outsider.DisposeAsync();
            await Client.DisposeAsync();
            await Device.DisposeAsync();
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + Devices.Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException("the device did not get there within " + Devices.Wait.TotalSeconds + " s");
            await Task.Delay(20);
        }
    }
}
