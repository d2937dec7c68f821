using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt;
using WasmBox.Nano.Device.Provisioning;

namespace WasmBox.Nano.Device.Networked.Messaging
{
    /// <summary>Makes an <see cref="M2MqttConnection"/> to the provisioned broker (plain TCP or TLS 1.2).</summary>
    public sealed class M2MqttConnector : IMqttConnector
    {
        private readonly DeviceProvisioning _settings;

        public M2MqttConnector(DeviceProvisioning settings)
        {
            _settings = settings;
        }

        public IMqttConnection Create(IMqttEvents events)
        {
            X509Certificate ca = _settings.BrokerCaCertificate == null ? null : new X509Certificate(_settings.BrokerCaCertificate);
            MqttClient client = new MqttClient(_settings.BrokerHost, _settings.BrokerPort, _settings.BrokerTls, ca, null,
                _settings.BrokerTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            return new M2MqttConnection(client, events);
        }
    }
}
