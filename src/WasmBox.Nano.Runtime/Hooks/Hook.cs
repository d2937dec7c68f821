using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Runtime.Hooks
{
    /// <summary>
    /// A hook and the containers subscribed to it, in run order: ascending priority, then
    /// install order. The member array is replaced, never changed in place, so dispatch reads
    /// a consistent snapshot without locking.
    /// </summary>
    public sealed class Hook
    {
        private Container[] _members = new Container[0];

        internal Hook(HookKind kind, int parameter, string filter)
        {
            Kind = kind;
            Parameter = parameter;
            Filter = filter;
        }

        public HookKind Kind { get; private set; }

        public int Parameter { get; private set; }

        public string Filter { get; private set; }

        public HookPolicy Policy { get; set; }

        /// <summary>The handler an MQTT hook holds its subscription with (null while unwired).</summary>
        internal Board.IMessageHandler Subscriber;

        /// <summary>When a timer hook fires next (board clock ms).</summary>
        internal long NextDueMs;

        public Container[] Members { get { return _members; } }

        /// <summary>True when an event of this kind, parameter and key belongs to the hook.</summary>
        public bool Accepts(HookKind kind, int parameter, string key)
        {
            if (kind != Kind)
            {
                return false;
            }
            switch (kind)
            {
                case HookKind.Timer:
                case HookKind.GpioEdge:
                    return parameter == Parameter;
                case HookKind.Mqtt:
                    return key != null && TopicFilter.Matches(Filter, key);
                case HookKind.Coap:
                    return key == Filter;
                default:
                    return true;
            }
        }

        internal void Add(Container container)
        {
            Container[] next = new Container[_members.Length + 1];
            int k = 0;
            bool placed = false;
            for (int i = 0; i < _members.Length; i++)
            {
                if (!placed && RunsBefore(container, _members[i]))
                {
                    next[k++] = container;
                    placed = true;
                }
                next[k++] = _members[i];
            }
            if (!placed)
            {
                next[k] = container;
            }
            _members = next;
        }

        internal void Remove(Container container)
        {
            int at = System.Array.IndexOf(_members, container);
            if (at < 0)
            {
                return;
            }
            Container[] next = new Container[_members.Length - 1];
            System.Array.Copy(_members, 0, next, 0, at);
            System.Array.Copy(_members, at + 1, next, at, next.Length - at);
            _members = next;
        }

        private static bool RunsBefore(Container a, Container b)
        {
            return a.Priority < b.Priority || (a.Priority == b.Priority && a.Id < b.Id);
        }

        public override string ToString()
        {
            return HookText.Describe(Kind, Parameter, Filter);
        }
    }
}
