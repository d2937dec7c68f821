using System.Collections.Concurrent;
using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Mqtt.Topics;
using WasmBox.Nano.Mqtt.Packets;
using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Deploy.Device;

/// <summary>
/// The board's message transport over the project's MQTT client, as the simulated board's network:
/// publishes are queued without waiting (QoS 1 ones survive a reconnect), subscriptions are sent at
/// once and confirmed in the background. The client sends packets in call order, so a message
/// published after <see cref="Subscribe"/> reaches the broker after the SUBSCRIBE. A message the
/// client discards (over its packet limit, or malformed) is reported to the handlers of matching
/// filters that implement <see cref="IOversizedMessageHandler"/>; the session stays up.
/// </summary>
public sealed class MqttTransport : IMessageTransport
{
    private readonly MqttClient client;
    private readonly Action<string> log;
    private readonly ConcurrentDictionary<string, IMessageHandler> _handlers = new();

    public MqttTransport(MqttClient client, Action<string> log)
    {
        this.client = client;
        this.log = log;
        client.PublishDiscarded += OnPublishDiscarded;
    }

    public bool IsConnected => client.IsConnected;

    public bool Publish(string topic, byte[] payload, int qos, bool retain) =>
        client.TryPublish(new MqttMessage(topic, payload, ToQos(qos), retain));

    public void Subscribe(string topicFilter, int qos, IMessageHandler handler)
    {
        _handlers[topicFilter] = handler;
        try
        {
            Task<MqttQos> subscribed = client.SubscribeAsync(topicFilter, ToQos(qos), message => handler.OnMessage(message.Topic, message.Payload));
            _ = subscribed.ContinueWith(t => log("subscribing to " + topicFilter + " failed: " + t.Exception!.GetBaseException().Message),
                TaskContinuationOptions.OnlyOnFaulted);
        }
        catch (Exception e) when (e is MqttNotConnectedException or InvalidOperationException or MqttProtocolException)
        {
            log("cannot subscribe to " + topicFilter + ": " + e.Message);
        }
    }

    public void Unsubscribe(string topicFilter)
    {
        _handlers.TryRemove(topicFilter, out _);
        try
        {
            _ = client.UnsubscribeAsync(topicFilter).ContinueWith(t => log("unsubscribing from " + topicFilter + " failed: "
                + t.Exception!.GetBaseException().Message), TaskContinuationOptions.OnlyOnFaulted);
        }
        catch (Exception e) when (e is MqttNotConnectedException or InvalidOperationException)
        {
            log("cannot unsubscribe from " + topicFilter + ": " + e.Message);
        }
    }

    private void OnPublishDiscarded(object? sender, MqttPublishDiscardedEventArgs e)
    {
        log("discarded a message of " + e.Size + " bytes on " + (e.Topic ?? "an unreadable topic") + ": " + e.Reason);
        if (e.Topic is null)
            return;
        foreach ((string filter, IMessageHandler handler) in _handlers)
        {
            if (handler is IOversizedMessageHandler oversized && MqttTopic.Matches(filter, e.Topic))
                oversized.OnOversized(e.Topic, e.PayloadLength);
        }
    }

    private static MqttQos ToQos(int qos) => qos >= 1 ? MqttQos.AtLeastOnce : MqttQos.AtMostOnce;
}
