using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Mqtt.Packets;
using WasmBox.Nano.Mqtt.Tests.Support;

namespace WasmBox.Nano.Mqtt.Tests.Client;

/// <summary>Session behaviour against a scripted broker: what a real broker cannot be made to do.</summary>
public class SessionBehaviourTests
{
    private static async Task<(MqttClient Client, FakeBroker.Peer Peer)> ConnectAsync(FakeBroker broker, MqttClientOptions options)
    {
        var client = new MqttClient(options);
        Task connecting = client.ConnectAsync();
        FakeBroker.Peer peer = await broker.AcceptAsync();
        await peer.AcceptConnectionAsync();
        await connecting.WaitAsync(Wait.Timeout);
        return (client, peer);
    }

    [Fact]
    public async Task Missing_pingresp_closes_the_connection()
    {
        using var broker = new FakeBroker();
        var (client, peer) = await ConnectAsync(broker, broker.Options("pinger", keepAlive: TimeSpan.FromSeconds(1)));
        await using var _ = client;
        using var __ = peer;
        Task<Exception?> disconnected = Wait.ForStateAsync(client, MqttConnectionState.Disconnected);

        await peer.ReadAsync<PingReqPacket>();

        var reason = Assert.IsType<TimeoutException>(await disconnected);
        Assert.Contains("no PINGRESP", reason.Message);
    }

    [Fact]
    public async Task Answered_pings_keep_the_connection_and_are_reported()
    {
        using var broker = new FakeBroker();
        var (client, peer) = await ConnectAsync(broker, broker.Options("pinger", keepAlive: TimeSpan.FromSeconds(1)));
        await using var _ = client;
        using var __ = peer;
        var pongs = new TaskCompletionSource<TimeSpan>();
        client.PingCompleted += (_, e) => pongs.TrySetResult(e.RoundTrip);

        await peer.ReadAsync<PingReqPacket>();
        await peer.SendAsync(PingRespPacket.Instance);

        Assert.True(await pongs.Task.WaitAsync(Wait.Timeout) >= TimeSpan.Zero);
        await peer.ReadAsync<PingReqPacket>();
        Assert.True(client.IsConnected);
    }

    [Theory]
    [InlineData("30 FF FF FF FF 7F", MqttProtocolError.RemainingLengthTooLong)]
    [InlineData("90 81 08", MqttProtocolError.PacketTooLarge)]
    [InlineData("36 03 00 01 61", MqttProtocolError.InvalidQos)]
    [InlineData("20 02 00 00", MqttProtocolError.UnexpectedPacket)]
    [InlineData("82 06 00 01 00 01 61 00", MqttProtocolError.UnexpectedPacket)]
    [InlineData("50 02 00 01", MqttProtocolError.UnsupportedPacketType)]
    public async Task A_malformed_or_unexpected_packet_closes_the_connection_with_its_error(string hex, MqttProtocolError expected)
    {
        using var broker = new FakeBroker();
        var (client, peer) = await ConnectAsync(broker, broker.Options("strict") with { MaxPacketSize = 1024 });
        await using var _ = client;
        using var __ = peer;
        Task<Exception?> disconnected = Wait.ForStateAsync(client, MqttConnectionState.Disconnected);

        await peer.SendAsync(Hex.Parse(hex));

        var reason = Assert.IsType<MqttProtocolException>(await disconnected);
        Assert.Equal(expected, reason.Error);
        Assert.Null(await peer.ReadAsync());
        await Assert.ThrowsAsync<MqttNotConnectedException>(() => client.PublishAsync("t", [1]));
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(-1)]
    public async Task An_oversized_or_malformed_publish_is_acknowledged_reported_and_the_session_survives(int payloadBytes)
    {
        using var broker = new FakeBroker();
        var (client, peer) = await ConnectAsync(broker, broker.Options("tolerant") with { MaxPacketSize = 1024 });
        await using var _ = client;
        using var __ = peer;
        var discarded = new TaskCompletionSource<MqttPublishDiscardedEventArgs>();
        client.PublishDiscarded += (_, e) => discarded.TrySetResult(e);

        // Over the limit, or with a wildcard in the topic name; QoS 1, packet id 9.
        await peer.SendAsync(payloadBytes > 0
            ? PacketEncoder.Encode(new PublishPacket("in", new byte[payloadBytes], MqttQos.AtLeastOnce, PacketId: 9))
            : Hex.Parse("32 06 00 01 23 00 09 78"));

        Assert.Equal(new PubAckPacket(9), await peer.ReadAsync());
        MqttPublishDiscardedEventArgs e = await discarded.Task.WaitAsync(Wait.Timeout);
        Assert.Equal(payloadBytes > 0 ? ("in", payloadBytes) : ("#", 1), (e.Topic, e.PayloadLength));
        Assert.True(client.IsConnected);
        Task publishing = client.PublishAsync("out", [1], MqttQos.AtLeastOnce);
        var publish = Assert.IsType<PublishPacket>(await peer.ReadAsync());
        await peer.SendAsync(new PubAckPacket(publish.PacketId));
        await publishing.WaitAsync(Wait.Timeout);
    }

    [Fact]
    public async Task A_refused_subscription_throws_and_routes_nothing()
    {
        using var broker = new FakeBroker();
        var (client, peer) = await ConnectAsync(broker, broker.Options("sub"));
        await using var _ = client;
        using var __ = peer;
        var inbox = new Inbox();

        Task<MqttQos> subscribing = client.SubscribeAsync("forbidden/#", MqttQos.AtLeastOnce, inbox.Add);
        var subscribe = await peer.ReadAsync<SubscribePacket>();
        await peer.SendAsync(new SubAckPacket(subscribe.PacketId, [SubscribeReturnCode.Failure]));

        var error = await Assert.ThrowsAsync<MqttSubscribeException>(() => subscribing);
        Assert.Equal("forbidden/#", error.Filter);

        // Only the second, accepted subscription receives: messages are routed in arrival order.
        Task<MqttQos> allowed = client.SubscribeAsync("allowed", MqttQos.AtMostOnce, inbox.Add);
        subscribe = await peer.ReadAsync<SubscribePacket>();
        await peer.SendAsync(new SubAckPacket(subscribe.PacketId, [SubscribeReturnCode.GrantedQos0]));
        Assert.Equal(MqttQos.AtMostOnce, await allowed);
        await peer.SendAsync(new PublishPacket("forbidden/x", [1]));
        await peer.SendAsync(new PublishPacket("allowed", [2]));
        Assert.Equal("allowed", (await inbox.NextAsync()).Topic);
    }

    [Fact]
    public async Task A_received_qos1_message_is_acknowledged_and_delivered()
    {
        using var broker = new FakeBroker();
        var (client, peer) = await ConnectAsync(broker, broker.Options("receiver"));
        await using var _ = client;
        using var __ = peer;
        var inbox = new Inbox();
        Task<MqttQos> subscribing = client.SubscribeAsync("wbx/dev-1/deploy", MqttQos.AtLeastOnce, inbox.Add);
        var subscribe = await peer.ReadAsync<SubscribePacket>();
        await peer.SendAsync(new SubAckPacket(subscribe.PacketId, [SubscribeReturnCode.GrantedQos1]));
        await subscribing;

        await peer.SendAsync(new PublishPacket("wbx/dev-1/deploy", [7, 7], MqttQos.AtLeastOnce, PacketId: 4242));

        Assert.Equal(new PubAckPacket(4242), await peer.ReadAsync<PubAckPacket>());
        MqttMessage message = await inbox.NextAsync();
        Assert.Equal([7, 7], message.Payload);
        Assert.Equal(MqttQos.AtLeastOnce, message.Qos);
    }

    [Fact]
    public async Task Unacknowledged_qos1_messages_are_resent_after_a_reconnect_with_dup_only_if_sent_before()
    {
        using var broker = new FakeBroker();
        var (client, first) = await ConnectAsync(broker, broker.Options("resender", reconnect: true));
        await using var _ = client;
        Task<Exception?> reconnecting = Wait.ForStateAsync(client, MqttConnectionState.Reconnecting);

        Task sentBefore = client.PublishAsync("d/1", [1], MqttQos.AtLeastOnce);
        var original = await first.ReadAsync<PublishPacket>();
        first.Dispose();
        await reconnecting;
        Task queuedDuringOutage = client.PublishAsync("d/2", [2], MqttQos.AtLeastOnce);

        using FakeBroker.Peer second = await broker.AcceptAsync();
        await second.AcceptConnectionAsync();
        var resent = await second.ReadAsync<PublishPacket>();
        var queued = await second.ReadAsync<PublishPacket>();

        Assert.False(original.Dup);
        Assert.Equal(("d/1", original.PacketId, true), (resent.Topic, resent.PacketId, resent.Dup));
        Assert.Equal(("d/2", false), (queued.Topic, queued.Dup));
        Assert.False(sentBefore.IsCompleted);
        await second.SendAsync(new PubAckPacket(resent.PacketId));
        await second.SendAsync(new PubAckPacket(queued.PacketId));
        await Task.WhenAll(sentBefore, queuedDuringOutage).WaitAsync(Wait.Timeout);
    }

    [Fact]
    public async Task A_handler_that_throws_is_reported_and_later_messages_still_arrive()
    {
        using var broker = new FakeBroker();
        var (client, peer) = await ConnectAsync(broker, broker.Options("handler"));
        await using var _ = client;
        using var __ = peer;
        var reported = new TaskCompletionSource<MqttBackgroundErrorEventArgs>();
        client.BackgroundError += (_, e) => reported.TrySetResult(e);
        var inbox = new Inbox();
        Task<MqttQos> subscribing = client.SubscribeAsync("h", MqttQos.AtMostOnce, message =>
        {
            if (message.Payload[0] == 0)
                throw new InvalidDataException("bad payload");
            inbox.Add(message);
        });
        var subscribe = await peer.ReadAsync<SubscribePacket>();
        await peer.SendAsync(new SubAckPacket(subscribe.PacketId, [SubscribeReturnCode.GrantedQos0]));
        await subscribing;

        await peer.SendAsync(new PublishPacket("h", [0]));
        await peer.SendAsync(new PublishPacket("h", [1]));

        Assert.IsType<InvalidDataException>((await reported.Task.WaitAsync(Wait.Timeout)).Error);
        Assert.Equal([1], (await inbox.NextAsync()).Payload);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Bad_publishes_are_refused_before_anything_is_sent()
    {
        using var broker = new FakeBroker();
        var (client, peer) = await ConnectAsync(broker, broker.Options("publisher") with { MaxPacketSize = 1024 });
        await using var _ = client;
        using var __ = peer;

        var wildcard = await Assert.ThrowsAsync<MqttProtocolException>(() => client.PublishAsync("wbx/+/deploy", [1], MqttQos.AtLeastOnce));
        var oversized = await Assert.ThrowsAsync<MqttProtocolException>(() => client.PublishAsync("big", new byte[2000]));
        Assert.False(client.TryPublish(new MqttMessage("wbx/#", [1])));
        await client.PublishAsync("fine", [1]);
        Assert.True(client.TryPublish(new MqttMessage("also/fine", [2], MqttQos.AtLeastOnce)));

        Assert.Equal(MqttProtocolError.InvalidTopicName, wildcard.Error);
        Assert.Equal(MqttProtocolError.PacketTooLarge, oversized.Error);
        Assert.Equal("fine", (await peer.ReadAsync<PublishPacket>()).Topic);
        Assert.Equal("also/fine", (await peer.ReadAsync<PublishPacket>()).Topic);
    }

    [Fact]
    public async Task A_cancelled_qos1_publish_is_not_sent_again_after_a_reconnect()
    {
        using var broker = new FakeBroker();
        var (client, first) = await ConnectAsync(broker, broker.Options("canceller", reconnect: true));
        await using var _ = client;
        using var cancel = new CancellationTokenSource();
        Task<Exception?> reconnecting = Wait.ForStateAsync(client, MqttConnectionState.Reconnecting);

        Task givenUp = client.PublishAsync(new MqttMessage("c/1", [1], MqttQos.AtLeastOnce), cancel.Token);
        await first.ReadAsync<PublishPacket>();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givenUp);
        first.Dispose();
        await reconnecting;
        Task kept = client.PublishAsync("c/2", [2], MqttQos.AtLeastOnce);

        using FakeBroker.Peer second = await broker.AcceptAsync();
        await second.AcceptConnectionAsync();
        var next = await second.ReadAsync<PublishPacket>();
        Assert.Equal(("c/2", false), (next.Topic, next.Dup));
        await second.SendAsync(new PubAckPacket(next.PacketId));
        await kept.WaitAsync(Wait.Timeout);
    }

    [Fact]
    public async Task Disconnect_sends_disconnect_and_fails_waiting_publishes()
    {
        using var broker = new FakeBroker();
        var (client, peer) = await ConnectAsync(broker, broker.Options("leaver"));
        using var _ = peer;
        Task unacknowledged = client.PublishAsync("x", [1], MqttQos.AtLeastOnce);
        await peer.ReadAsync<PublishPacket>();

        await client.DisconnectAsync();

        Assert.IsType<DisconnectPacket>(await peer.ReadAsync());
        Assert.Null(await peer.ReadAsync());
        await Assert.ThrowsAsync<MqttNotConnectedException>(() => unacknowledged);
        Assert.Equal(MqttConnectionState.Disconnected, client.State);
        await Assert.ThrowsAsync<MqttNotConnectedException>(() => client.PublishAsync("x", [1], MqttQos.AtLeastOnce));
        Assert.False(client.TryPublish(new MqttMessage("x", [1])));
    }
}
