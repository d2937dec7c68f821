using WasmBox.Nano.Mqtt.Packets;
using WasmBox.Nano.Mqtt.Topics;

namespace WasmBox.Nano.Mqtt.Session;

/// <summary>The client's subscriptions: what to resubscribe after a reconnect and whom to hand a message to.</summary>
internal sealed class SubscriptionRegistry
{
    public sealed record Subscription(string Filter, MqttQos Qos, Func<MqttMessage, Task> Handler);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Subscription> _byFilter = [];

    /// <summary>Adds or replaces the subscription for a filter; returns the one it replaced.</summary>
    public Subscription? Set(Subscription subscription)
    {
        lock (_lock)
        {
            _byFilter.Remove(subscription.Filter, out Subscription? previous);
            _byFilter.Add(subscription.Filter, subscription);
            return previous;
        }
    }

    /// <summary>Puts back what <see cref="Set"/> replaced (or removes the filter when nothing was there).</summary>
    public void Restore(string filter, Subscription? previous)
    {
        lock (_lock)
        {
            if (previous is null)
                _byFilter.Remove(filter);
            else
                _byFilter[filter] = previous;
        }
    }

    public void Remove(string filter)
    {
        lock (_lock)
            _byFilter.Remove(filter);
    }

    public IReadOnlyList<TopicSubscription> All()
    {
        lock (_lock)
            return [.. _byFilter.Values.Select(s => new TopicSubscription(s.Filter, s.Qos))];
    }

    public IReadOnlyList<Func<MqttMessage, Task>> HandlersFor(string topic)
    {
        lock (_lock)
            return [.. _byFilter.Values.Where(s => MqttTopic.Matches(s.Filter, topic)).Select(s => s.Handler)];
    }
}
