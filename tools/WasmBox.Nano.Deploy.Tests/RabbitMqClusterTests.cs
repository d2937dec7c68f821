using System.Collections.Concurrent;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.Mqtt;

namespace WasmBox.Nano.Deploy.Tests;

/// <summary>
/// The deployment protocol on RabbitMQ's MQTT plugin (a second, independent broker) as a two-node
/// cluster, the device on node 2 and the operator on node 1, and what differs from mosquitto
/// (tools/brokers/README.md). Skipped unless WBX_RABBITMQ=1.
/// </summary>
public class RabbitMqClusterTests(RabbitMqCluster cluster) : IClassFixture<RabbitMqCluster>
{
    [SkippableFact]
    public async Task A_deploy_through_node_1_installs_on_a_device_on_node_2_and_a_redelivered_bundle_changes_nothing()
    {
        MqttEndpoint node1 = cluster.Node(1), node2 = cluster.Node(2);
        string id = Devices.NewId("rabbit");
        await using SimulatedDevice device = await Devices.StartAsync(node2, id);
        await using DeviceClient operatorClient = await DeviceClient.ConnectAsync(node1);
        byte[] bundle = TestBundles.Echo(1, 1000);

        UpdateReply first = await MqttDeploymentTests.DeployOne(operatorClient, id, bundle);
        // What a QoS 1 redelivery would hand the device: the same bundle once more.
        UpdateReply again = await MqttDeploymentTests.DeployOne(operatorClient, id, bundle);

        Assert.Equal("installed", first.Status);
        Assert.Equal(("refused", "replay"), (again.Status, again.Refusal));
        Assert.Equal(1, Assert.Single(device.Updates.Installed).Sequence);
    }

    [SkippableFact]
    public async Task Retained_state_stays_on_the_node_the_device_published_it_to()
    {
        MqttEndpoint node1 = cluster.Node(1), node2 = cluster.Node(2);
        string id = Devices.NewId("rabbit-state");
        await using SimulatedDevice device = await Devices.StartAsync(node2, id);
        await using DeviceClient onNode2 = await DeviceClient.ConnectAsync(node2);
        await using DeviceClient onNode1 = await DeviceClient.ConnectAsync(node1);

        DeviceState? there = await onNode2.GetStateAsync(id, Devices.Wait);
        DeviceState? elsewhere = await onNode1.GetStateAsync(id, TimeSpan.FromSeconds(5));

        Assert.True(there?.Online);
        Assert.Null(elsewhere); // RabbitMQ 3.10 keeps retained messages in a node-local store
    }

    [SkippableFact]
    public async Task The_last_will_of_a_device_lost_on_node_2_reaches_a_watcher_on_node_1_and_is_retained_on_node_2()
    {
        MqttEndpoint node1 = cluster.Node(1), node2 = cluster.Node(2);
        string id = Devices.NewId("rabbit-will");
        SimulatedDevice device = await Devices.StartAsync(node2, id);
        await using DeviceClient onNode1 = await DeviceClient.ConnectAsync(node1);
        await using DeviceClient onNode2 = await DeviceClient.ConnectAsync(node2);
        var states = new ConcurrentQueue<DeviceState>();
        using var stopWatching = new CancellationTokenSource();
        Task watching = onNode1.WatchAsync(id, m =>
        {
            if (m.Channel == "state")
                states.Enqueue(Replies.Parse<DeviceState>(m.Payload, "state"));
        }, stopWatching.Token);
        // The watch is listening once a live "online" from node 2 reaches it.
        for (int i = 0; i < 200 && states.IsEmpty; i++)
        {
            device.Agent.PublishState();
            await Task.Delay(100);
        }
        Assert.Contains(states, s => s.Device == id && s.Online);

        device.Kill();

        for (int i = 0; i < 200 && !states.Any(s => !s.Online); i++)
            await Task.Delay(100);
        DeviceState? retained = null;
        for (int i = 0; i < 100 && retained?.Online != false; i++)
        {
            retained = await onNode2.GetStateAsync(id, Devices.Wait);
            await Task.Delay(100);
        }
        stopWatching.Cancel();
        await watching;

        Assert.Contains(states, s => s.Device == id && !s.Online);
        Assert.Equal((id, false), (retained!.Device, retained.Online));
    }
}
