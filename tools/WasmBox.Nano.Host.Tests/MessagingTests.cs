using System.Collections.Concurrent;
using System.Text;
using WasmBox.Nano.Host.Messaging;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Tests;

public class MessagingTests
{
    private sealed class Inbox : IMessageHandler
    {
        public ConcurrentQueue<(string Topic, string Payload)> Messages { get; } = new();

        public void OnMessage(string topic, byte[] payload) => Messages.Enqueue((topic, Encoding.UTF8.GetString(payload)));
    }

    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("wbx/dev1/invoke", "wbx/dev1/invoke", true)]
    [InlineData("wbx/+/invoke", "wbx/dev1/invoke", true)]
    [InlineData("wbx/+/invoke", "wbx/dev1/deploy", false)]
    [InlineData("wbx/#", "wbx/dev1/invoke", true)]
    [InlineData("wbx/#", "wbx", true)]
    [InlineData("wbx/+", "wbx/dev1/invoke", false)]
    [InlineData("#", "anything/at/all", true)]
    [InlineData("wbx/dev1", "wbx/dev1/invoke", false)]
    public void TopicFiltersFollowMqttWildcards(string filter, string topic, bool matches)
    {
        Assert.True(TopicFilter.IsValidFilter(filter));
        Assert.Equal(matches, TopicFilter.Matches(filter, topic));
    }

    [Theory]
    [InlineData("wbx/#/x")]
    [InlineData("wbx/a+")]
    [InlineData("")]
    public void MalformedFiltersAreInvalid(string filter) => Assert.False(TopicFilter.IsValidFilter(filter));

    [Fact]
    public void SubscribersReceiveMatchingPublications()
    {
        var broker = new LoopbackBroker();
        var device = broker.Connect("device");
        var cloud = broker.Connect("cloud");
        var inbox = new Inbox();
        cloud.Subscribe("wbx/+/telemetry", 1, inbox);

        Assert.True(device.Publish("wbx/dev1/telemetry", Text("t=21"), 1, false));
        Assert.True(device.Publish("wbx/dev1/events", Text("quarantine"), 1, false));

        Assert.Equal([("wbx/dev1/telemetry", "t=21")], inbox.Messages);
    }

    [Fact]
    public void RetainedMessagesReachLateSubscribersUntilCleared()
    {
        var broker = new LoopbackBroker();
        var device = broker.Connect("device");
        Assert.True(device.Publish("wbx/dev1/state", Text("online"), 1, retain: true));

        var early = new Inbox();
        broker.Connect("a").Subscribe("wbx/dev1/state", 0, early);
        Assert.True(device.Publish("wbx/dev1/state", [], 1, retain: true));
        var late = new Inbox();
        broker.Connect("b").Subscribe("wbx/dev1/state", 0, late);

        Assert.Equal([("wbx/dev1/state", "online"), ("wbx/dev1/state", "")], early.Messages);
        Assert.Empty(late.Messages);
    }

    [Fact]
    public void BadPublicationsAndOfflineClientsAreRefused()
    {
        var broker = new LoopbackBroker();
        var device = broker.Connect("device");
        var inbox = new Inbox();
        device.Subscribe("#", 0, inbox);

        Assert.False(device.Publish("wbx/+/x", [1], 0, false));
        Assert.False(device.Publish("wbx/x", [1], 2, false));
        Assert.False(device.Publish("wbx/x", null!, 0, false));
        device.Disconnect();
        Assert.False(device.IsConnected);
        Assert.False(device.Publish("wbx/x", [1], 0, false));
        device.Reconnect();
        device.Unsubscribe("#");
        Assert.True(device.Publish("wbx/x", [1], 0, false));

        Assert.Empty(inbox.Messages);
    }

    [Fact]
    public void EachSubscriberGetsItsOwnCopyOfThePayload()
    {
        var broker = new LoopbackBroker();
        var device = broker.Connect("device");
        byte[]? received = null;
        device.Subscribe("t", 0, new Capture(p => received = p));
        byte[] payload = [1, 2, 3];

        device.Publish("t", payload, 0, false);
        payload[0] = 9;

        Assert.Equal([1, 2, 3], received);
    }

    private sealed class Capture(Action<byte[]> onMessage) : IMessageHandler
    {
        public void OnMessage(string topic, byte[] payload) => onMessage(payload);
    }
}
