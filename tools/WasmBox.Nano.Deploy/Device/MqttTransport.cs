using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Mqtt.Packets;
using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Deploy.Device;

/// <summary>
/// The board's message transport over the project's MQTT client, as the simulated board's network:
/// publishes are queued without waiting (QoS 1 ones survive a reconnect), subscriptions are sent at
/// once and confirmed in the background. The client sends packets in call order, so a message
/// published after <see cref="Subscribe"/> reaches the broker after the SUBSCRIBE.
/// </summary>
public sealed class MqttTransport(MqttClient client, Action<string> log) : IMessageTransport
{
    public bool IsConnected => client.IsConnected;

    public bool Publish(string topic, byte[] payload, int qos, bool retain) =>
        client.TryPublish(new MqttMessage(topic, payload, ToQos(qos), retain));

    public void Subscribe(string topicFilter, int qos, IMessageHandler handler)
    {
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

    private static MqttQos ToQos(int qos) => qos >= 1 ? MqttQos.AtLeastOnce : MqttQos.AtMostOnce;
}
