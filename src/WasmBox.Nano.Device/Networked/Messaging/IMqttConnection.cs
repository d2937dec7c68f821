using System;

namespace WasmBox.Nano.Device.Networked.Messaging
{
    /// <summary>
    /// One MQTT client as <see cref="MqttTransport"/> drives it: M2Mqtt's MqttClient on the board
    /// (<see cref="M2MqttConnection"/>), a fake that fails like it in host tests. Dispose releases
    /// everything the client holds (socket, TLS session, receive threads).
    /// </summary>
    public interface IMqttConnection : IDisposable
    {
        bool IsConnected { get; }

        /// <summary>
        /// Connects with a clean session and a retained QoS 1 Last Will. Returns 0 when the broker accepted,
        /// else its refusal code; throws when there is no answer (network, TLS, no CONNACK in time).
        /// </summary>
        int Connect(string clientId, string username, string password, string willTopic, string willMessage, ushort keepAliveSeconds);

        void Subscribe(string topicFilter, int qos);

        void Unsubscribe(string topicFilter);

        void Publish(string topic, byte[] payload, int qos, bool retain);

        /// <summary>Says goodbye to the broker (no Last Will).</summary>
        void Disconnect();
    }
}
