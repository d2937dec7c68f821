// Mirrors nanoFramework.M2Mqtt 5.1.220 (nanoFramework.M2Mqtt), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/nanoFramework.m2mqtt tag v5.1.220, M2Mqtt/MqttClient.cs. The real class also
// implements IMqttClient; the facade leaves the interface out because it mirrors only the members used.

using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public class MqttClient : IDisposable
    {
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) { throw null; }

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived { add { throw null; } remove { throw null; } }

        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed { add { throw null; } remove { throw null; } }

        public bool IsConnected { get { throw null; } }

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel,
            bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) { throw null; }

        public void Disconnect() { throw null; }

        public void Close() { throw null; }

        public void Dispose() { throw null; }

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) { throw null; }

        public ushort Unsubscribe(string[] topics) { throw null; }

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) { throw null; }
    }
}
