using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Messaging;

/// <summary>
/// An in-process publish/subscribe hub with MQTT's topic rules and retained messages, so a
/// simulated board and a test (or the simulator's "cloud" side) can exchange messages without a
/// broker process. Delivery is synchronous, on the publisher's thread, after the hub's lock is
/// released; each subscriber gets its own copy of the payload.
/// </summary>
public sealed class LoopbackBroker
{
    private readonly List<Subscription> _subscriptions = [];
    private readonly Dictionary<string, byte[]> _retained = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Raised for every accepted publication (topic, payload copy), e.g. for a live view.</summary>
    public event Action<string, byte[]>? MessagePublished;

    public LoopbackTransport Connect(string clientId) => new(this, clientId);

    internal bool Publish(LoopbackTransport sender, string topic, byte[]? payload, int qos, bool retain)
    {
        if (!sender.IsConnected || !TopicFilter.IsValidTopic(topic) || payload is null || qos is < 0 or > 1)
        {
            return false;
        }

        List<Subscription> targets;
        lock (_gate)
        {
            if (retain)
            {
                // MQTT: an empty retained message clears the topic's retained one.
                if (payload.Length == 0)
                {
                    _retained.Remove(topic);
                }
                else
                {
                    _retained[topic] = (byte[])payload.Clone();
                }
            }

            targets = _subscriptions.Where(s => s.Client.IsConnected && TopicFilter.Matches(s.Filter, topic)).ToList();
        }

        MessagePublished?.Invoke(topic, (byte[])payload.Clone());
        foreach (Subscription s in targets)
        {
            s.Handler.OnMessage(topic, (byte[])payload.Clone());
        }

        return true;
    }

    internal void Subscribe(LoopbackTransport client, string filter, IMessageHandler handler)
    {
        if (!TopicFilter.IsValidFilter(filter) || handler is null)
        {
            return;
        }

        List<KeyValuePair<string, byte[]>> retained;
        lock (_gate)
        {
            _subscriptions.RemoveAll(s => s.Client == client && s.Filter == filter);
            _subscriptions.Add(new Subscription(client, filter, handler));
            retained = client.IsConnected ? _retained.Where(r => TopicFilter.Matches(filter, r.Key)).ToList() : [];
        }

        foreach (var (topic, payload) in retained)
        {
            handler.OnMessage(topic, (byte[])payload.Clone());
        }
    }

    internal void Unsubscribe(LoopbackTransport client, string filter)
    {
        lock (_gate)
        {
            _subscriptions.RemoveAll(s => s.Client == client && s.Filter == filter);
        }
    }

    private sealed record Subscription(LoopbackTransport Client, string Filter, IMessageHandler Handler);
}
