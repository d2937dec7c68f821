using WasmBox.Nano.Device.Networked.Messaging;

namespace WasmBox.Nano.Firmware.Tests.Fakes;

/// <summary>How the fake broker answers a CONNECT.</summary>
internal enum BrokerAnswer
{
    Accept,
    /// <summary>CONNACK with a refusal code (5, not authorised).</summary>
    Refuse,
    /// <summary>
    /// No CONNACK: M2Mqtt 5.1.220's Connect has already opened the socket (and TLS) and started its receive
    /// thread when it sends CONNECT, then throws when no CONNACK comes within its timeout, keeping both.
    /// </summary>
    NoConnack,
}

/// <summary>Makes one <see cref="FakeMqttConnection"/> per attempt and keeps them all, to count what stays open.</summary>
internal sealed class FakeMqttConnector(params BrokerAnswer[] answers) : IMqttConnector
{
    public List<FakeMqttConnection> Created { get; } = [];

    public IMqttConnection Create(IMqttEvents events)
    {
        var connection = new FakeMqttConnection(events, answers[Math.Min(Created.Count, answers.Length - 1)]);
        Created.Add(connection);
        return connection;
    }

    /// <summary>Clients still holding a socket or a receive thread.</summary>
    public int Leaked => Created.Count(c => c.HoldsResources);
}

/// <summary>An M2Mqtt client as far as its resources go: Connect takes a socket and a thread, Dispose frees them.</summary>
internal sealed class FakeMqttConnection(IMqttEvents events, BrokerAnswer answer) : IMqttConnection
{
    public bool IsConnected { get; private set; }

    public bool HoldsResources { get; private set; }

    public List<string> Subscribed { get; } = [];

    public List<string> Published { get; } = [];

    public int Connect(string clientId, string username, string password, string willTopic, string willMessage, ushort keepAliveSeconds)
    {
        HoldsResources = true;
        switch (answer)
        {
            case BrokerAnswer.NoConnack:
                throw new IOException("no CONNACK from the broker within the timeout");
            case BrokerAnswer.Refuse:
                return 5;
            default:
                IsConnected = true;
                return 0;
        }
    }

    public void Subscribe(string topicFilter, int qos) => Subscribed.Add(topicFilter + " qos " + qos);

    public void Unsubscribe(string topicFilter) => Subscribed.Remove(Subscribed.Single(s => s.StartsWith(topicFilter + " ")));

    public void Publish(string topic, byte[] payload, int qos, bool retain) => Published.Add(topic);

    public void Disconnect() => IsConnected = false;

    public void Dispose()
    {
        IsConnected = false;
        HoldsResources = false;
    }

    /// <summary>The broker delivers a message, as the client's receive thread would.</summary>
    public void Deliver(string topic, byte[] payload) => events.OnMessage(topic, payload);
}
