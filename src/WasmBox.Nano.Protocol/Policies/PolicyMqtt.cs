using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Update.Policies;

namespace WasmBox.Nano.Protocol.Policies
{
    /// <summary>
    /// The policy channel on MQTT (README.md, "Hostcall policies"): signed policies and removals on
    /// <c>policy</c>, each answered on <c>policy/result</c> and reported on <c>events</c> (kind
    /// "policy"), whichever transport carried it; the installed list retained on <c>policies</c>,
    /// republished after every accepted change. <see cref="Mqtt.MqttAgent"/> starts and stops it.
    /// </summary>
    public sealed class PolicyMqtt : IMessageHandler, IOversizedMessageHandler, IPolicyListener
    {
        private const int Qos = 1;

        private readonly DeviceService _service;
        private readonly PolicyChannel _channel;
        private readonly IMessageTransport _transport;
        private readonly DeviceTopics _deviceTopics;
        private readonly PolicyTopics _topics;

        public PolicyMqtt(DeviceService service, IMessageTransport transport)
        {
            if (service == null || transport == null || service.Policies == null)
            {
                throw new System.ArgumentNullException(service == null ? "service" : transport == null ? "transport" : "service.Policies");
            }
            _service = service;
            _channel = service.Policies;
            _transport = transport;
            _deviceTopics = service.Topics;
            _topics = new PolicyTopics(service.Topics);
        }

        public PolicyTopics Topics { get { return _topics; } }

        /// <summary>Subscribes to the policy topic and publishes the retained installed list.</summary>
        public void Start()
        {
            _transport.Subscribe(_topics.Deploy, Qos, this);
            _channel.AddListener(this);
            PublishInstalled();
        }

        public void Stop()
        {
            _channel.RemoveListener(this);
            _transport.Unsubscribe(_topics.Deploy);
        }

        public bool PublishInstalled()
        {
            return _transport.Publish(_topics.Installed, PolicyJson.Installed(_service.DeviceId, _channel.Installed), Qos, true);
        }

        public void OnMessage(string topic, byte[] payload)
        {
            if (topic != _topics.Deploy)
            {
                return;
            }
            int length = payload == null ? 0 : payload.Length;
            try
            {
                PolicyResult r = _channel.Deploy(payload, 0, length);
                _transport.Publish(_topics.Result, PolicyJson.Result(length, r), Qos, false);
            }
            catch (System.Exception e)
            {
                // Never let a message take down the transport's receive thread (MqttAgent does the same).
                _service.Runtime.Services.Log.Write("mqtt", "policy message failed: " + e.Message);
            }
        }

        /// <summary>A policy too large for the board, discarded unread: answered "too-large"; the session stays up.</summary>
        public void OnOversized(string topic, int length)
        {
            if (topic == _topics.Deploy)
            {
                _transport.Publish(_topics.Result, PolicyJson.Result(length, _channel.TooLarge(length)), Qos, false);
            }
        }

        public void OnPolicy(PolicyResult result)
        {
            _transport.Publish(_deviceTopics.Events, PolicyJson.Event(_service.DeviceId, _service.Runtime.Services.Clock.NowMs, result), Qos, false);
            if (result.Ok)
            {
                PublishInstalled();
            }
        }
    }
}
