using System.Collections;

namespace WasmBox.Nano.Runtime.Board
{
    /// <summary>
    /// Reference-counted subscriptions over one board transport that the runtime's hooks and the
    /// device agent share. Each filter is subscribed on the transport once, when its first holder
    /// arrives, and unsubscribed when its last holder leaves, so removing a container never drops a
    /// subscription someone else still needs. A message on a filter goes to that filter's holders
    /// only (overlapping filters never cause a double delivery). Publishes pass straight through.
    /// </summary>
    public sealed class SharedTransport : IMessageTransport
    {
        private readonly IMessageTransport _inner;
        private readonly ArrayList _groups = new ArrayList();

        public SharedTransport(IMessageTransport inner)
        {
            if (inner == null)
            {
                throw new System.ArgumentNullException("inner");
            }
            _inner = inner;
        }

        /// <summary>The transport underneath.</summary>
        public IMessageTransport Inner { get { return _inner; } }

        public bool IsConnected { get { return _inner.IsConnected; } }

        public bool Publish(string topic, byte[] payload, int qos, bool retain)
        {
            return _inner.Publish(topic, payload, qos, retain);
        }

        /// <summary>Adds a holder of <paramref name="topicFilter"/>; the transport hears of the first one only.</summary>
        public void Subscribe(string topicFilter, int qos, IMessageHandler handler)
        {
            if (topicFilter == null || handler == null)
            {
                throw new System.ArgumentNullException(topicFilter == null ? "topicFilter" : "handler");
            }
            Group group;
            lock (_groups)
            {
                group = Find(topicFilter);
                if (group != null)
                {
                    group.Add(handler);
                    return;
                }
                group = new Group(topicFilter);
                group.Add(handler);
                _groups.Add(group);
            }
            _inner.Subscribe(topicFilter, qos, group);
        }

        /// <summary>Drops the most recent holder of <paramref name="topicFilter"/> (<see cref="Release"/> names one).</summary>
        public void Unsubscribe(string topicFilter)
        {
            Release(topicFilter, null);
        }

        /// <summary>
        /// Drops <paramref name="handler"/>'s hold on <paramref name="topicFilter"/> (null: the most
        /// recent holder); the transport unsubscribes when no holder is left. False when it held none.
        /// </summary>
        public bool Release(string topicFilter, IMessageHandler handler)
        {
            lock (_groups)
            {
                Group group = Find(topicFilter);
                if (group == null || !group.Remove(handler))
                {
                    return false;
                }
                if (group.Count > 0)
                {
                    return true;
                }
                _groups.Remove(group);
            }
            _inner.Unsubscribe(topicFilter);
            return true;
        }

        /// <summary>How many holders <paramref name="topicFilter"/> has.</summary>
        public int HoldersOf(string topicFilter)
        {
            lock (_groups)
            {
                Group group = Find(topicFilter);
                return group == null ? 0 : group.Count;
            }
        }

        private Group Find(string filter)
        {
            for (int i = 0; i < _groups.Count; i++)
            {
                Group g = (Group)_groups[i];
                if (g.Filter == filter)
                {
                    return g;
                }
            }
            return null;
        }

        /// <summary>One filter's holders; the transport's handler for that filter.</summary>
        private sealed class Group : IMessageHandler, IOversizedMessageHandler
        {
            private IMessageHandler[] _handlers = new IMessageHandler[0];

            public Group(string filter)
            {
                Filter = filter;
            }

            public string Filter { get; private set; }

            public int Count { get { return _handlers.Length; } }

            public void Add(IMessageHandler handler)
            {
                IMessageHandler[] next = new IMessageHandler[_handlers.Length + 1];
                System.Array.Copy(_handlers, next, _handlers.Length);
                next[_handlers.Length] = handler;
                _handlers = next;
            }

            public bool Remove(IMessageHandler handler)
            {
                int at = _handlers.Length - 1;
                if (handler != null)
                {
                    while (at >= 0 && _handlers[at] != handler)
                    {
                        at--;
                    }
                }
                if (at < 0)
                {
                    return false;
                }
                IMessageHandler[] next = new IMessageHandler[_handlers.Length - 1];
                System.Array.Copy(_handlers, next, at);
                System.Array.Copy(_handlers, at + 1, next, at, _handlers.Length - at - 1);
                _handlers = next;
                return true;
            }

            public void OnMessage(string topic, byte[] payload)
            {
                // The array is replaced, never changed in place: a snapshot without a lock.
                IMessageHandler[] handlers = _handlers;
                for (int i = 0; i < handlers.Length; i++)
                {
                    handlers[i].OnMessage(topic, payload);
                }
            }

            public void OnOversized(string topic, int length)
            {
                IMessageHandler[] handlers = _handlers;
                for (int i = 0; i < handlers.Length; i++)
                {
                    IOversizedMessageHandler oversized = handlers[i] as IOversizedMessageHandler;
                    if (oversized != null)
                    {
                        oversized.OnOversized(topic, length);
                    }
                }
            }
        }
    }
}
