using System;
using System.Collections;
using WasmBox.Nano.Device.Provisioning;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Device.Networked.Messaging
{
    /// <summary>
    /// The runtime's <see cref="IMessageTransport"/> over an MQTT client (<see cref="IMqttConnection"/>: M2Mqtt's
    /// MqttClient on the board), a new one for each connection attempt.
    /// Subscriptions are kept here and replayed on every (re)connect, so the runtime may subscribe before the
    /// broker is reachable; each message goes to every handler whose filter matches its topic. The broker
    /// publishes the Last Will (retained) when the board drops off without saying goodbye.
    /// </summary>
    public sealed class MqttTransport : IMessageTransport, IMqttEvents
    {
        private const ushort KeepAliveSeconds = 60;

        private readonly object _sync = new object();
        private readonly DeviceProvisioning _settings;
        private readonly IMqttConnector _connector;
        private readonly ILogSink _log;
        private readonly ArrayList _subscriptions = new ArrayList();
        private IMqttConnection _client;

        public MqttTransport(DeviceProvisioning settings, IMqttConnector connector, ILogSink log)
        {
            _settings = settings;
            _connector = connector;
            _log = log;
        }

        public bool IsConnected
        {
            get
            {
                IMqttConnection client = _client;
                return client != null && client.IsConnected;
            }
        }

        /// <summary>
        /// Connects (or reconnects) with a clean session and the retained Last Will <paramref name="willMessage"/>
        /// on <paramref name="willTopic"/>, then subscribes every registered filter. False, logged, on failure.
        /// </summary>
        public bool Connect(string willTopic, string willMessage)
        {
            lock (_sync)
            {
                Drop();
                IMqttConnection client = null;
                try
                {
                    client = _connector.Create(this);
                    int code = client.Connect(_settings.DeviceId, _settings.BrokerUsername, _settings.BrokerPassword,
                        willTopic, willMessage, KeepAliveSeconds);
                    if (code != 0)
                    {
                        _log.Write("mqtt", "broker " + _settings.BrokerHost + ":" + _settings.BrokerPort + " refused the connection, code " + code);
                        Release(client);
                        return false;
                    }
                    for (int i = 0; i < _subscriptions.Count; i++)
                    {
                        Subscription s = (Subscription)_subscriptions[i];
                        client.Subscribe(s.Filter, s.Qos);
                    }
                    _client = client;
                    _log.Write("mqtt", "connected to " + _settings.BrokerHost + ":" + _settings.BrokerPort + " as " + _settings.DeviceId);
                    return true;
                }
                catch (Exception e)
                {
                    _log.Write("mqtt", "cannot connect to " + _settings.BrokerHost + ":" + _settings.BrokerPort + ": " + e.Message);
                    // M2Mqtt's Connect throws with its socket, TLS session and receive thread still up (no CONNACK in
                    // time, a failed subscribe): free them now, as the next attempt is only 10 s away.
                    Release(client);
                    return false;
                }
            }
        }

        public bool Publish(string topic, byte[] payload, int qos, bool retain)
        {
            IMqttConnection client = _client;
            if (client == null || !client.IsConnected || payload == null || qos < 0 || qos > 1)
            {
                return false;
            }
            try
            {
                client.Publish(topic, payload, qos, retain);
                return true;
            }
            catch (Exception e)
            {
                _log.Write("mqtt", "publish to " + topic + " failed: " + e.Message);
                return false;
            }
        }

        public void Subscribe(string topicFilter, int qos, IMessageHandler handler)
        {
            lock (_sync)
            {
                _subscriptions.Add(new Subscription(topicFilter, qos, handler));
                if (IsConnected)
                {
                    TryBroker("subscribe to " + topicFilter, topicFilter, qos);
                }
            }
        }

        public void Unsubscribe(string topicFilter)
        {
            lock (_sync)
            {
                for (int i = _subscriptions.Count - 1; i >= 0; i--)
                {
                    if (((Subscription)_subscriptions[i]).Filter == topicFilter)
                    {
                        _subscriptions.RemoveAt(i);
                    }
                }
                if (IsConnected)
                {
                    TryBroker("unsubscribe from " + topicFilter, topicFilter, -1);
                }
            }
        }

        /// <summary>Says goodbye (no Last Will) and closes the connection.</summary>
        public void Disconnect()
        {
            lock (_sync)
            {
                IMqttConnection client = _client;
                _client = null;
                if (client == null)
                {
                    return;
                }
                try
                {
                    client.Disconnect();
                }
                catch (Exception e)
                {
                    _log.Write("mqtt", "disconnect failed: " + e.Message);
                }
                Release(client);
            }
        }

        private void TryBroker(string what, string filter, int qos)
        {
            try
            {
                if (qos < 0)
                {
                    _client.Unsubscribe(filter);
                }
                else
                {
                    _client.Subscribe(filter, qos);
                }
            }
            catch (Exception e)
            {
                _log.Write("mqtt", what + " failed: " + e.Message);
            }
        }

        void IMqttEvents.OnMessage(string topic, byte[] payload)
        {
            Subscription[] matching;
            lock (_sync)
            {
                int n = 0;
                Subscription[] all = new Subscription[_subscriptions.Count];
                for (int i = 0; i < all.Length; i++)
                {
                    Subscription s = (Subscription)_subscriptions[i];
                    if (TopicFilter.Matches(s.Filter, topic))
                    {
                        all[n++] = s;
                    }
                }
                matching = new Subscription[n];
                Array.Copy(all, matching, n);
            }
            // Handlers run outside the lock: they may publish or subscribe in turn.
            for (int i = 0; i < matching.Length; i++)
            {
                matching[i].Handler.OnMessage(topic, payload);
            }
        }

        void IMqttEvents.OnClosed()
        {
            _log.Write("mqtt", "connection to " + _settings.BrokerHost + " closed");
        }

        private void Drop()
        {
            IMqttConnection old = _client;
            _client = null;
            Release(old);
        }

        /// <summary>Closes the client's socket and TLS session and stops its threads; never throws.</summary>
        private void Release(IMqttConnection client)
        {
            if (client == null)
            {
                return;
            }
            try
            {
                client.Dispose();
            }
            catch (Exception e)
            {
                _log.Write("mqtt", "closing a connection failed: " + e.Message);
            }
        }

        private sealed class Subscription
        {
            public Subscription(string filter, int qos, IMessageHandler handler)
            {
                Filter = filter;
                Qos = qos;
                Handler = handler;
            }

            public string Filter { get; private set; }

            public int Qos { get; private set; }

            public IMessageHandler Handler { get; private set; }
        }
    }
}
