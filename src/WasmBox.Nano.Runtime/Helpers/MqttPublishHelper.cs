using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// 0x80 mqtt_publish(topic, payload, len, qos): publishes to a concrete topic (NUL-
    /// terminated, no wildcards) that the tenant's topic grants match, under the device's
    /// wbx/{deviceId}/app/ (the program names the relative topic); qos 0 or 1. Returns 0,
    /// -EACCES for an ungranted topic (counted), -EINVAL for a bad qos or wildcard,
    /// -ENOTCONN when the transport is down. The transport keeps the payload, so this helper
    /// allocates the topic string and a payload copy.
    /// </summary>
    public sealed class MqttPublishHelper : RuntimeHelper
    {
        public const int MaxTopicLength = 128;
        public const int MaxPayload = 1024;

        /// <summary>The device's app prefix followed by room for the program's topic.</summary>
        private readonly char[] _topic;
        private readonly int _prefixLength;

        public MqttPublishHelper(Container container)
            : base(container, HelperIds.MqttPublish)
        {
            string prefix = container.Services.AppTopicPrefix;
            _prefixLength = prefix.Length;
            _topic = new char[_prefixLength + MaxTopicLength];
            for (int i = 0; i < _prefixLength; i++)
            {
                _topic[i] = prefix[i];
            }
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            VmMemory mem = vm.Memory;
            int topicLength = mem.CStringLength(r1, MaxTopicLength);
            if (topicLength < 0 || r3 > MaxPayload || mem.Translate(r2, (int)r3, false) < 0)
            {
                return BadPointer(out result);
            }
            if (r4 > 1 || topicLength == 0)
            {
                result = Errno.Result(Errno.Invalid);
                return VmStatus.Ok;
            }
            for (int i = 0; i < topicLength; i++)
            {
                byte b;
                mem.TryReadByte(r1 + (ulong)i, out b);
                if (b == '+' || b == '#')
                {
                    result = Errno.Result(Errno.Invalid);
                    return VmStatus.Ok;
                }
                _topic[_prefixLength + i] = (char)b;
            }
            string topic = new string(_topic, 0, _prefixLength + topicLength);
            if (!Container.Tenant.Policy.AllowsTopic(topic, _prefixLength))
            {
                result = Deny(0);
                return VmStatus.Ok;
            }
            IMessageTransport transport = Container.Services.Transport;
            if (transport == null || !transport.IsConnected)
            {
                result = Errno.Result(Errno.NotConnected);
                return VmStatus.Ok;
            }
            byte[] payload = new byte[(int)r3];
            mem.TryRead(r2, payload, 0, payload.Length);
            result = transport.Publish(topic, payload, (int)r4, false) ? 0 : Errno.Result(Errno.Io);
            return VmStatus.Ok;
        }
    }
}
