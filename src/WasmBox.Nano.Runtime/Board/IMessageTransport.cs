namespace WasmBox.Nano.Runtime.Board
{
    /// <summary>Receives messages on subscribed topics.</summary>
    public interface IMessageHandler
    {
        void OnMessage(string topic, byte[] payload);
    }

    /// <summary>
    /// Optional for a handler: hears of a message the transport read and discarded unseen because it
    /// was larger than the board takes (or malformed), so the session survives and the receiver can
    /// still answer "too-large" where the topic has a reply topic.
    /// </summary>
    public interface IOversizedMessageHandler
    {
        void OnOversized(string topic, int length);
    }

    /// <summary>
    /// Publish/subscribe messaging, shaped after nanoFramework.M2Mqtt's MqttClient
    /// (Publish(topic, bytes, ..., qos, retain), Subscribe(topics, qos), MqttMsgPublishReceived).
    /// QoS is 0 or 1.
    /// </summary>
    public interface IMessageTransport
    {
        bool IsConnected { get; }

        /// <summary>Queues a message; false when not connected or the payload is refused.</summary>
        bool Publish(string topic, byte[] payload, int qos, bool retain);

        void Subscribe(string topicFilter, int qos, IMessageHandler handler);

        void Unsubscribe(string topicFilter);
    }
}
