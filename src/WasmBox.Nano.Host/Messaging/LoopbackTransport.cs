using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Messaging;

/// <summary>
/// One client's connection to a <see cref="LoopbackBroker"/>. Subscriptions survive a
/// disconnect (like a persistent MQTT session) but nothing is delivered or sent while offline.
/// </summary>
public sealed class LoopbackTransport : IMessageTransport
{
    private readonly LoopbackBroker _broker;
    private volatile bool _connected = true;

    internal LoopbackTransport(LoopbackBroker broker, string clientId)
    {
        _broker = broker;
        ClientId = clientId;
    }

    public string ClientId { get; }

    public bool IsConnected => _connected;

    /// <summary>Simulates losing the network.</summary>
    public void Disconnect() => _connected = false;

    public void Reconnect() => _connected = true;

    public bool Publish(string topic, byte[] payload, int qos, bool retain) => _broker.Publish(this, topic, payload, qos, retain);

    /// <summary>Subscribes; an invalid filter or a null handler is ignored (the interface has no result).</summary>
    public void Subscribe(string topicFilter, int qos, IMessageHandler handler) => _broker.Subscribe(this, topicFilter, handler);

    public void Unsubscribe(string topicFilter) => _broker.Unsubscribe(this, topicFilter);
}
