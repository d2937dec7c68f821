using System.Collections.Concurrent;
using System.Text;
using WasmBox.Nano.Mqtt.Tests.Support;

namespace WasmBox.Nano.Mqtt.Tests.Integration;

/// <summary>End to end against a real mosquitto, one private broker per test.</summary>
public class MosquittoTests
{
    private static byte[] Text(string value) => Encoding.UTF8.GetBytes(value);

    [SkippableFact]
    public async Task Connects_and_disconnects()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var client = new MqttSession(broker.Options("board-1"));
        var states = new ConcurrentQueue<MqttConnectionState>();
        client.ConnectionStateChanged += (_, e) => states.Enqueue(e.State);

        await client.ConnectAsync().WaitAsync(Wait.Timeout);
        Assert.True(client.IsConnected);
        await client.DisconnectAsync();

        Assert.Equal([MqttConnectionState.Connecting, MqttConnectionState.Connected, MqttConnectionState.Disconnected], states);
    }

    [SkippableTheory]
    [InlineData(MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtLeastOnce)]
    public async Task Delivers_between_two_clients(MqttQos qos)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using MqttSession board = await broker.ConnectAsync("board");
        await using MqttSession cli = await broker.ConnectAsync("cli");
        var inbox = new Inbox();
        await board.SubscribeAsync("wbx/board/invoke", qos, inbox.Add);

        await cli.PublishAsync("wbx/board/invoke", Text("{\"slot\":1}"), qos).WaitAsync(Wait.Timeout);

        MqttMessage message = await inbox.NextAsync();
        Assert.Equal("wbx/board/invoke", message.Topic);
        Assert.Equal("{\"slot\":1}", Encoding.UTF8.GetString(message.Payload));
        Assert.Equal(qos, message.Qos);
        Assert.False(message.Retain);
    }

    [SkippableFact]
    public async Task A_retained_message_reaches_a_late_subscriber_until_cleared()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using MqttSession board = await broker.ConnectAsync("board");
        await board.PublishAsync("wbx/board/state", Text("online"), MqttQos.AtLeastOnce, retain: true).WaitAsync(Wait.Timeout);

        await using MqttSession late = await broker.ConnectAsync("late");
        var lateInbox = new Inbox();
        await late.SubscribeAsync("wbx/board/state", MqttQos.AtLeastOnce, lateInbox.Add);
        MqttMessage retained = await lateInbox.NextAsync();
        Assert.Equal("online", Encoding.UTF8.GetString(retained.Payload));
        Assert.True(retained.Retain);

        // An empty retained publish clears it. A later subscriber to the cleared topic and then to a
        // marker gets the marker first: the broker answers subscriptions in order, so a retained
        // message left on the cleared topic would have come before it.
        await board.PublishAsync("wbx/board/state", [], MqttQos.AtLeastOnce, retain: true).WaitAsync(Wait.Timeout);
        await board.PublishAsync("wbx/board/marker", Text("m"), MqttQos.AtLeastOnce, retain: true).WaitAsync(Wait.Timeout);
        await using MqttSession later = await broker.ConnectAsync("later");
        var laterInbox = new Inbox();
        await later.SubscribeAsync("wbx/board/state", MqttQos.AtLeastOnce, laterInbox.Add);
        await later.SubscribeAsync("wbx/board/marker", MqttQos.AtLeastOnce, laterInbox.Add);
        Assert.Equal("wbx/board/marker", (await laterInbox.NextAsync()).Topic);
    }

    [SkippableFact]
    public async Task The_last_will_is_published_when_a_client_drops_without_disconnect()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using MqttSession watcher = await broker.ConnectAsync("watcher");
        var inbox = new Inbox();
        await watcher.SubscribeAsync("wbx/board/state", MqttQos.AtLeastOnce, inbox.Add);
        var will = new MqttLastWill("wbx/board/state", Text("{\"online\":false}"), MqttQos.AtLeastOnce, Retain: true);
        MqttSession board = await broker.ConnectAsync("board", o => o with { Will = will });
        await board.PublishAsync("wbx/board/state", Text("{\"online\":true}"), MqttQos.AtLeastOnce, retain: true).WaitAsync(Wait.Timeout);
        Assert.Equal("{\"online\":true}", Encoding.UTF8.GetString((await inbox.NextAsync()).Payload));

        board.Abort();

        MqttMessage lastWill = await inbox.NextAsync();
        Assert.Equal("{\"online\":false}", Encoding.UTF8.GetString(lastWill.Payload));
        Assert.Equal(MqttConnectionState.Disconnected, board.State);

        // Retained: a newcomer sees the board offline.
        await using MqttSession newcomer = await broker.ConnectAsync("newcomer");
        var newcomerInbox = new Inbox();
        await newcomer.SubscribeAsync("wbx/+/state", MqttQos.AtMostOnce, newcomerInbox.Add);
        Assert.Equal("{\"online\":false}", Encoding.UTF8.GetString((await newcomerInbox.NextAsync()).Payload));
    }

    [SkippableFact]
    public async Task Wildcard_subscriptions_route_each_message_to_its_handler()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using MqttSession cli = await broker.ConnectAsync("cli");
        await using MqttSession publisher = await broker.ConnectAsync("publisher");
        var received = new Inbox();
        await cli.SubscribeAsync("wbx/+/result", MqttQos.AtLeastOnce, m => received.Add(m with { Topic = "+ " + m.Topic }));
        await cli.SubscribeAsync("fleet/#", MqttQos.AtLeastOnce, m => received.Add(m with { Topic = "# " + m.Topic }));

        // One publisher at QoS 1: the broker keeps its order, so a wrongly routed message would show up in sequence.
        foreach (string topic in new[] { "wbx/a/telemetry", "wbx/a/result", "wbx/a/result/x", "fleet/eu/b", "fleet", "wbx/b/result" })
            await publisher.PublishAsync(topic, [1], MqttQos.AtLeastOnce).WaitAsync(Wait.Timeout);

        string[] expected = ["+ wbx/a/result", "# fleet/eu/b", "# fleet", "+ wbx/b/result"];
        foreach (string topic in expected)
            Assert.Equal(topic, (await received.NextAsync()).Topic);
    }

    [SkippableFact]
    public async Task Unsubscribing_stops_delivery()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using MqttSession cli = await broker.ConnectAsync("cli");
        var inbox = new Inbox();
        await cli.SubscribeAsync("u/a", MqttQos.AtLeastOnce, inbox.Add);
        await cli.SubscribeAsync("u/b", MqttQos.AtLeastOnce, inbox.Add);

        await cli.UnsubscribeAsync("u/a").WaitAsync(Wait.Timeout);
        await cli.PublishAsync("u/a", [1], MqttQos.AtLeastOnce).WaitAsync(Wait.Timeout);
        await cli.PublishAsync("u/b", [2], MqttQos.AtLeastOnce).WaitAsync(Wait.Timeout);

        Assert.Equal("u/b", (await inbox.NextAsync()).Topic);
    }

    [SkippableFact]
    public async Task Reconnects_after_a_broker_restart_resubscribes_and_delivers_what_was_published_meanwhile()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using MqttSession board = await broker.ConnectAsync("board");
        var inbox = new Inbox();
        await board.SubscribeAsync("wbx/board/#", MqttQos.AtLeastOnce, inbox.Add);
        Task<Exception?> reconnecting = Wait.ForStateAsync(board, MqttConnectionState.Reconnecting);

        await broker.StopAsync();
        Assert.NotNull(await reconnecting);
        Task<Exception?> reconnected = Wait.ForStateAsync(board, MqttConnectionState.Connected);
        Task queued = board.PublishAsync("wbx/board/events", Text("published during the outage"), MqttQos.AtLeastOnce);
        await broker.StartAgainAsync();

        await reconnected;
        await queued.WaitAsync(Wait.Timeout);
        Assert.Equal("published during the outage", Encoding.UTF8.GetString((await inbox.NextOnAsync("wbx/board/events")).Payload));

        // The subscription lives on the new broker: another client's message arrives.
        await using MqttSession cli = await broker.ConnectAsync("cli");
        await cli.PublishAsync("wbx/board/deploy", Text("bundle"), MqttQos.AtLeastOnce).WaitAsync(Wait.Timeout);
        Assert.Equal("bundle", Encoding.UTF8.GetString((await inbox.NextOnAsync("wbx/board/deploy")).Payload));
    }

    [SkippableFact]
    public async Task A_100_kB_payload_arrives_intact()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using MqttSession board = await broker.ConnectAsync("board");
        await using MqttSession cli = await broker.ConnectAsync("cli");
        var inbox = new Inbox();
        await board.SubscribeAsync("wbx/board/deploy", MqttQos.AtLeastOnce, inbox.Add);
        byte[] bundle = new byte[100 * 1024];
        new Random(5).NextBytes(bundle);

        await cli.PublishAsync("wbx/board/deploy", bundle, MqttQos.AtLeastOnce).WaitAsync(Wait.Timeout);

        Assert.Equal(bundle, (await inbox.NextAsync()).Payload);
    }

    [SkippableFact]
    public async Task Concurrent_publishers_on_one_client_lose_nothing()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using MqttSession board = await broker.ConnectAsync("board");
        await using MqttSession cli = await broker.ConnectAsync("cli");
        var seen = new ConcurrentDictionary<int, bool>();
        var all = new TaskCompletionSource();
        const int Count = 400;
        await cli.SubscribeAsync("fleet/+/result", MqttQos.AtLeastOnce, m =>
        {
            seen[BitConverter.ToInt32(m.Payload)] = true;
            if (seen.Count == Count)
                all.TrySetResult();
        });

        await Parallel.ForAsync(0, Count, async (i, _) =>
            await board.PublishAsync($"fleet/{i % 7}/result", BitConverter.GetBytes(i), (MqttQos)(i % 2)));

        await all.Task.WaitAsync(Wait.Timeout);
        Assert.Equal(Count, seen.Count);
    }
}
