using System.Threading;
using WasmBox.Nano.Protocol.Json;
using WasmBox.Nano.Protocol.Logs;
using WasmBox.Nano.Protocol.Policies;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Protocol.Mqtt
{
    /// <summary>
    /// The device side of the MQTT deployment protocol (README.md) over the board's message
    /// transport: bundles on deploy, signed commands on remove/rollback, invocations, attestation
    /// challenges; answers on deploy/result, invoke/.../result and attest/report; runtime events and
    /// update outcomes on events; the monitor's counters on telemetry; tenants' printed lines on log;
    /// a retained state, republished on every accepted update and container state change. The Last
    /// Will ("offline", retained) is set where the transport connects, with <see cref="ProtocolJson.Offline"/>.
    /// </summary>
    public sealed class MqttAgent : IMessageHandler, IOversizedMessageHandler, IRuntimeEvents, IUpdateListener
    {
        private const int CommandQos = 1;

        /// <summary>How often queued log lines and a changed state go out: often enough to read live, never on a container's thread.</summary>
        public const int FlushPeriodMs = 100;

        private readonly DeviceService _service;
        private readonly IMessageTransport _transport;
        private readonly DeviceTopics _topics;
        private readonly IMemoryGauge _memory;
        /// <summary>This device's "offline" state document, to recognise a late Last Will.</summary>
        private readonly byte[] _offline;
        private readonly TenantLogPublisher _logs;
        private readonly StateReasons _reasons = new StateReasons();
        private readonly PolicyDecisionLog _decisions;
        /// <summary>The policy topics; null when the service has no policy channel.</summary>
        private readonly PolicyMqtt _policies;
        private Timer _telemetryTimer;
        private Timer _flushTimer;
        private bool _stateStale;
        private bool _started;

        public MqttAgent(DeviceService service, IMessageTransport transport)
            : this(service, transport, null)
        {
        }

        /// <param name="memory">The board's free heap for telemetry; null leaves "freeBytes" out.</param>
        public MqttAgent(DeviceService service, IMessageTransport transport, IMemoryGauge memory)
        {
            if (service == null || transport == null)
            {
                throw new System.ArgumentNullException(service == null ? "service" : "transport");
            }
            _service = service;
            _transport = transport;
            _topics = service.Topics;
            _memory = memory;
            _offline = ProtocolJson.Offline(service.DeviceId);
            _logs = new TenantLogPublisher(_topics, transport, service.Runtime.Services.Clock, new TenantLogQueue());
            _decisions = new PolicyDecisionLog(_logs.Queue);
            _policies = service.Policies == null ? null : new PolicyMqtt(service, transport);
        }

        /// <summary>Tenants' lines waiting for <see cref="Flush"/>.</summary>
        public TenantLogQueue Logs { get { return _logs.Queue; } }

        /// <summary>
        /// Subscribes to the device's command topics, then publishes the retained "online" state.
        /// The transport sends both in order, so whoever sees "online" can deploy at once.
        /// <paramref name="telemetryPeriodMs"/> 0 publishes telemetry only on <see cref="PublishTelemetry"/>.
        /// </summary>
        public void Start(int telemetryPeriodMs)
        {
            if (_started)
            {
                return;
            }
            _started = true;
            _transport.Subscribe(_topics.Deploy, CommandQos, this);
            _transport.Subscribe(_topics.Remove, CommandQos, this);
            _transport.Subscribe(_topics.Rollback, CommandQos, this);
            _transport.Subscribe(_topics.InvokeFilter, CommandQos, this);
            _transport.Subscribe(_topics.AttestRequest, CommandQos, this);
            // The broker may publish an earlier connection's Last Will after this one said "online"
            // (a restart beats the broker noticing the old socket died); watching the retained state
            // lets the device put "online" back.
            _transport.Subscribe(_topics.State, CommandQos, this);
            _service.Runtime.Monitor.AddListener(this);
            _service.Runtime.Monitor.AddListener(_decisions);
            _service.AddListener(this);
            _service.Runtime.Services.TenantOutput = _logs;
            if (_policies != null)
            {
                _policies.Start();
            }
            PublishState();
            if (telemetryPeriodMs > 0)
            {
                _telemetryTimer = new Timer(OnTelemetryTimer, null, telemetryPeriodMs, telemetryPeriodMs);
            }
            _flushTimer = new Timer(OnFlushTimer, null, FlushPeriodMs, FlushPeriodMs);
        }

        /// <summary>A clean shutdown: "offline" retained (no Last Will follows a DISCONNECT), subscriptions dropped.</summary>
        public void Stop()
        {
            if (!_started)
            {
                return;
            }
            _started = false;
            Timer timer = _telemetryTimer;
            _telemetryTimer = null;
            if (timer != null)
            {
                timer.Dispose();
            }
            _flushTimer.Dispose();
            _flushTimer = null;
            if (_service.Runtime.Services.TenantOutput == _logs)
            {
                _service.Runtime.Services.TenantOutput = null;
            }
            _service.RemoveListener(this);
            _service.Runtime.Monitor.RemoveListener(_decisions);
            _service.Runtime.Monitor.RemoveListener(this);
            if (_policies != null)
            {
                _policies.Stop();
            }
            _transport.Unsubscribe(_topics.State);
            _transport.Unsubscribe(_topics.Deploy);
            _transport.Unsubscribe(_topics.Remove);
            _transport.Unsubscribe(_topics.Rollback);
            _transport.Unsubscribe(_topics.InvokeFilter);
            _transport.Unsubscribe(_topics.AttestRequest);
            _transport.Publish(_topics.State, _offline, 1, true);
        }

        /// <summary>Publishes the retained "online" state with the installed functions.</summary>
        public bool PublishState()
        {
            _stateStale = false;
            byte[] json = _reasons.Online(_service.DeviceId, _service.RuntimeVersion, NowMs(), _service.Installed);
            return _transport.Publish(_topics.State, json, 1, true);
        }

        /// <summary>
        /// Publishes the tenants' queued lines and, when a container changed state since, the
        /// retained state (the timer calls it every <see cref="FlushPeriodMs"/>). Returns the lines sent.
        /// </summary>
        public int Flush()
        {
            int sent = _logs.Flush();
            if (_stateStale)
            {
                PublishState();
            }
            return sent;
        }

        private bool IsOfflineState(byte[] payload)
        {
            if (payload == null || payload.Length != _offline.Length)
            {
                return false;
            }
            for (int i = 0; i < _offline.Length; i++)
            {
                if (payload[i] != _offline[i])
                {
                    return false;
                }
            }
            return true;
        }

        public bool PublishTelemetry()
        {
            long freeBytes = _memory == null ? -1 : _memory.FreeBytes();
            byte[] json = ProtocolJson.Telemetry(_service.DeviceId, NowMs(), _service.Runtime.Monitor.TotalEvents, freeBytes, _service.Installed,
                _service.Runtime.Services.Policies.Installed);
            return _transport.Publish(_topics.Telemetry, json, 0, false);
        }

        public void OnMessage(string topic, byte[] payload)
        {
            try
            {
                Handle(topic, payload);
            }
            catch (System.Exception e)
            {
                // An outsider's message must never take down the transport's receive thread (on the
                // board, M2Mqtt's): log it and keep the session.
                _service.Runtime.Services.Log.Write("mqtt", "message on " + topic + " failed: " + e.Message);
            }
        }

        private void Handle(string topic, byte[] payload)
        {
            int length = payload == null ? 0 : payload.Length;
            if (topic == _topics.State)
            {
                if (_started && IsOfflineState(payload))
                {
                    PublishState();
                }
            }
            else if (topic == _topics.Deploy)
            {
                UpdateResult r = _service.Deploy(payload, 0, length);
                PublishUpdateResult(UpdateOperation.Deploy, length, r);
            }
            else if (topic == _topics.Remove || topic == _topics.Rollback)
            {
                UpdateOperation operation = topic == _topics.Remove ? UpdateOperation.Remove : UpdateOperation.Rollback;
                UpdateResult r = _service.Execute(operation, payload, 0, length);
                PublishUpdateResult(operation, length, r);
            }
            else if (topic == _topics.AttestRequest)
            {
                string problem;
                byte[] report = _service.Attest(payload, out problem);
                _transport.Publish(_topics.AttestReport, report != null ? report : ProtocolJson.Error("attestation-refused", problem), 1, false);
            }
            else if (_topics.IsInvokeTopic(topic))
            {
                // Answered on the topic as received: a canonical one is its own answer topic, any
                // other form is refused there rather than answered on a topic the caller never used.
                string tenant;
                int slot;
                InvokeResult r = _topics.TryParseInvoke(topic, out tenant, out slot)
                    ? _service.Invoke(tenant, slot, payload, length)
                    : InvokeResult.Refused(null, -1, InvokeRefusal.BadRequest);
                _transport.Publish(topic + DeviceTopics.ResultSuffix, ProtocolJson.InvokeResult(r), 1, false);
            }
        }

        /// <summary>
        /// Lines queued until now (the replaced version's, printed before or during the update) go out
        /// ahead of the result: a deploy that follows the output starts showing lines at the result and
        /// must not show the old version's as the new one's. A new version's line printed in the
        /// instant between install and result (an install hook) goes out ahead too and is seen by
        /// <c>wbx logs</c>, not by the deploy's follower.
        /// </summary>
        private void PublishUpdateResult(UpdateOperation operation, int length, UpdateResult r)
        {
            _logs.Flush();
            _transport.Publish(_topics.Result, ProtocolJson.UpdateResult(operation, length, r), 1, false);
        }

        /// <summary>
        /// A message the transport discarded unread (too large for the board, or malformed): answered
        /// "too-large" on the reply topic of deploy, remove, rollback, invoke and attest requests;
        /// anything else has no reply topic and is only dropped. The session stays up either way.
        /// </summary>
        public void OnOversized(string topic, int length)
        {
            if (topic == _topics.Deploy || topic == _topics.Remove || topic == _topics.Rollback)
            {
                UpdateOperation operation = topic == _topics.Deploy ? UpdateOperation.Deploy
                    : topic == _topics.Remove ? UpdateOperation.Remove : UpdateOperation.Rollback;
                UpdateResult r = new UpdateResult();
                r.Status = UpdateStatus.Refused;
                r.Refusal = UpdateRefusal.TooLarge;
                r.Reason = "a message of " + length + " bytes is larger than the board takes; it was discarded unread";
                _transport.Publish(_topics.Result, ProtocolJson.UpdateResult(operation, length, r), 1, false);
            }
            else if (topic == _topics.AttestRequest)
            {
                _transport.Publish(_topics.AttestReport, ProtocolJson.Error("attestation-refused", "the challenge is too large"), 1, false);
            }
            else if (_topics.IsInvokeTopic(topic))
            {
                string tenant;
                int slot;
                InvokeResult r = _topics.TryParseInvoke(topic, out tenant, out slot)
                    ? InvokeResult.Refused(tenant, slot, InvokeRefusal.TooLarge)
                    : InvokeResult.Refused(null, -1, InvokeRefusal.BadRequest);
                _transport.Publish(topic + DeviceTopics.ResultSuffix, ProtocolJson.InvokeResult(r), 1, false);
            }
        }

        /// <summary>Runtime events go out as they happen. Called on any thread, a container's included: no locks taken here.</summary>
        public void OnRuntimeEvent(RuntimeEvent e)
        {
            _transport.Publish(_topics.Events, ProtocolJson.Event(_service.DeviceId, e), 1, false);
            if (_reasons.Record(e))
            {
                // The state is built under the service's lock, which an update may hold while it waits
                // for this very thread: the flush timer publishes it instead.
                _stateStale = true;
            }
        }

        public void OnUpdate(UpdateOperation operation, UpdateResult result)
        {
            _transport.Publish(_topics.Events, ProtocolJson.UpdateEvent(_service.DeviceId, NowMs(), operation, result), 1, false);
            if (result.Ok)
            {
                PublishState();
            }
        }

        private void OnFlushTimer(object state)
        {
            if (_transport.IsConnected)
            {
                Flush();
            }
        }

        private void OnTelemetryTimer(object state)
        {
            if (_transport.IsConnected)
            {
                PublishTelemetry();
            }
        }

        private long NowMs()
        {
            return _service.Runtime.Services.Clock.NowMs;
        }
    }
}
