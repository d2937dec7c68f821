using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Mqtt;

/// <summary>
/// The board's message transport (what the portable MQTT agent in src/WasmBox.Nano.Protocol talks
/// through) over an <see cref="MqttSession"/>, as the simulated board's network: publishes are
/// queued without waiting (QoS 1 ones survive a reconnect), subscriptions are queued in the same
/// ordered outbox and confirmed in the background, so a message published after
/// <see cref="Subscribe"/> reaches the broker after the SUBSCRIBE. A message larger than
/// <see cref="MaxMessageBytes"/> is not handed on: handlers that implement
/// <see cref="IOversizedMessageHandler"/> hear only its topic and size (and answer <c>too-large</c>),
/// and the session stays up, whatever an outsider publishes on the broker.
/// </summary>
public sealed class MqttTransport(MqttSession session, Action<string> log) : IMessageTransport
{
    /// <summary>Largest message handed to a handler: a board reads nothing larger either.</summary>
    public const int MaxMessageBytes = 256 * 1024;

    public bool IsConnected => session.IsConnected;

    public bool Publish(string topic, byte[] payload, int qos, bool retain) =>
        session.TryPublish(new MqttMessage(topic, payload, ToQos(qos), retain));

    public void Subscribe(string topicFilter, int qos, IMessageHandler handler) =>
        Background("subscribing to " + topicFilter, () => session.SubscribeAsync(topicFilter, ToQos(qos),
            message => Deliver(handler, message)));

    private void Deliver(IMessageHandler handler, MqttMessage message)
    {
        if (message.Payload.Length <= MaxMessageBytes)
        {
            handler.OnMessage(message.Topic, message.Payload);
            return;
        }
        log("discarded a message of " + message.Payload.Length + " bytes on " + message.Topic + " (limit " + MaxMessageBytes + ")");
        (handler as IOversizedMessageHandler)?.OnOversized(message.Topic, message.Payload.Length);
    }

    public void Unsubscribe(string topicFilter) =>
        Background("unsubscribing from " + topicFilter, () => session.UnsubscribeAsync(topicFilter));

    private void Background(string what, Func<Task> start)
    {
        try
        {
            _ = start().ContinueWith(t => log(what + " failed: " + t.Exception!.GetBaseException().Message),
                TaskContinuationOptions.OnlyOnFaulted);
        }
        catch (MqttNotConnectedException e)
        {
            log(what + " failed: " + e.Message);
        }
    }

    private static MqttQos ToQos(int qos) => qos >= 1 ? MqttQos.AtLeastOnce : MqttQos.AtMostOnce;
}
