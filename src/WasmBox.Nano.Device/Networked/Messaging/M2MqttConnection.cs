using System;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace WasmBox.Nano.Device.Networked.Messaging
{
    /// <summary><see cref="IMqttConnection"/> over nanoFramework.M2Mqtt's <see cref="MqttClient"/>.</summary>
    public sealed class M2MqttConnection : IMqttConnection
    {
        private readonly MqttClient _client;
        private readonly IMqttEvents _events;

        public M2MqttConnection(MqttClient client, IMqttEvents events)
        {
            _client = client;
            _events = events;
            client.MqttMsgPublishReceived += OnPublishReceived;
            client.ConnectionClosed += OnConnectionClosed;
        }

        public bool IsConnected { get { return _client.IsConnected; } }

        public int Connect(string clientId, string username, string password, string willTopic, string willMessage, ushort keepAliveSeconds)
        {
            return (int)_client.Connect(clientId, username, password, true, MqttQoSLevel.AtLeastOnce, true, willTopic, willMessage,
                true, keepAliveSeconds);
        }

        public void Subscribe(string topicFilter, int qos)
        {
            _client.Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { QosLevel(qos) });
        }

        public void Unsubscribe(string topicFilter)
        {
            _client.Unsubscribe(new string[] { topicFilter });
        }

        public void Publish(string topic, byte[] payload, int qos, bool retain)
        {
            _client.Publish(topic, payload, null, null, QosLevel(qos), retain);
        }

        public void Disconnect()
        {
            _client.Disconnect();
        }

        /// <summary>M2Mqtt's Dispose closes the channel and stops the client's threads (its Close swallows errors).</summary>
        public void Dispose()
        {
            _client.Dispose();
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            _events.OnMessage(e.Topic, e.Message);
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            _events.OnClosed();
        }

        private static MqttQoSLevel QosLevel(int qos)
        {
            return qos == 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce;
        }
    }
}
