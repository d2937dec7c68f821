using WasmBox.Nano.Protocol.Json;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;

namespace WasmBox.Nano.Protocol.Logs
{
    /// <summary>
    /// Puts tenants' print/log lines on <c>wbx/{id}/log</c>: the runtime hands each line over on the
    /// container's thread, where it only enters the <see cref="TenantLogQueue"/>; <see cref="Flush"/>,
    /// on the agent's timer, publishes them (QoS 0: a lost line is better than a stalled board).
    /// </summary>
    public sealed class TenantLogPublisher : ITenantOutput
    {
        private readonly string _deviceId;
        private readonly string _topic;
        private readonly IMessageTransport _transport;
        private readonly IClock _clock;
        private readonly TenantLogQueue _queue;
        private readonly TenantLogLine _sending = new TenantLogLine();
        private readonly object _flushGate = new object();

        public TenantLogPublisher(DeviceTopics topics, IMessageTransport transport, IClock clock, TenantLogQueue queue)
        {
            _deviceId = topics.DeviceId;
            _topic = topics.Log;
            _transport = transport;
            _clock = clock;
            _queue = queue;
        }

        public TenantLogQueue Queue { get { return _queue; } }

        public void OnLine(Container container, string line)
        {
            _queue.Offer(container.Tenant.Id, container.Name, _clock.NowMs, line);
        }

        /// <summary>Publishes every queued line in order; returns how many went out.</summary>
        public int Flush()
        {
            int sent = 0;
            lock (_flushGate)
            {
                while (_queue.TryTake(_sending))
                {
                    _transport.Publish(_topic, ProtocolJson.LogLine(_deviceId, _sending), 0, false);
                    sent++;
                }
                _sending.Text = null;
            }
            return sent;
        }
    }
}
