using WasmBox.Nano.Device.Networked.Messaging;
using WasmBox.Nano.Device.Provisioning;
using WasmBox.Nano.Firmware.Tests.Fakes;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Firmware.Tests;

/// <summary>
/// The board's MQTT transport over clients that fail like M2Mqtt 5.1.220: a connect that throws after the
/// socket, TLS session and receive thread are up must not leave them behind, since the firmware retries
/// every 10 s for as long as the broker is unreachable.
/// </summary>
public class MqttTransportTests
{
    readonly ListLog log = new();

    MqttTransport Transport(FakeMqttConnector connector)
    {
        ProvisioningResult settings = ProvisioningParser.Parse("{\"deviceId\": \"dev-1\", \"broker\": {\"host\": \"b.local\"}, \"tenantKeys\": []}");
        Assert.True(settings.Ok, settings.ToString());
        return new MqttTransport(settings.Provisioning, connector, log);
    }

    [Fact]
    public void Every_connect_that_throws_after_connecting_releases_its_client()
    {
        var connector = new FakeMqttConnector(BrokerAnswer.NoConnack);
        MqttTransport transport = Transport(connector);

        for (int attempt = 0; attempt < 5; attempt++)
        {
            Assert.False(transport.Connect("wbx/dev-1/state", "offline"));
        }

        Assert.Equal(5, connector.Created.Count);
        Assert.Equal(0, connector.Leaked);
        Assert.False(transport.IsConnected);
        Assert.Contains(log.Lines, l => l.Contains("cannot connect to b.local:1883"));
    }

    [Fact]
    public void A_refused_connect_releases_its_client()
    {
        var connector = new FakeMqttConnector(BrokerAnswer.Refuse);

        Assert.False(Transport(connector).Connect("wbx/dev-1/state", "offline"));

        Assert.Equal(0, connector.Leaked);
        Assert.Contains(log.Lines, l => l.Contains("refused the connection, code 5"));
    }

    [Fact]
    public void After_failed_attempts_a_connect_replays_subscriptions_and_a_reconnect_releases_the_old_client()
    {
        var connector = new FakeMqttConnector(BrokerAnswer.NoConnack, BrokerAnswer.Refuse, BrokerAnswer.Accept);
        MqttTransport transport = Transport(connector);
        var handler = new Handler();
        transport.Subscribe("wbx/dev-1/deploy", 1, handler);

        Assert.False(transport.Connect("wbx/dev-1/state", "offline"));
        Assert.False(transport.Connect("wbx/dev-1/state", "offline"));
        Assert.True(transport.Connect("wbx/dev-1/state", "offline"));

        FakeMqttConnection live = connector.Created[2];
        Assert.True(transport.IsConnected);
        Assert.Equal(["wbx/dev-1/deploy qos 1"], live.Subscribed);
        Assert.Equal(1, connector.Leaked);
        live.Deliver("wbx/dev-1/deploy", [7]);
        live.Deliver("wbx/dev-1/other", [8]);
        Assert.Equal(["wbx/dev-1/deploy 07"], handler.Received);

        Assert.True(transport.Connect("wbx/dev-1/state", "offline"));
        Assert.False(live.HoldsResources);
        Assert.Equal(1, connector.Leaked);
    }

    sealed class Handler : IMessageHandler
    {
        public List<string> Received { get; } = [];

        public void OnMessage(string topic, byte[] payload) => Received.Add(topic + " " + Convert.ToHexString(payload));
    }
}
