using WasmBox.Nano.Runtime.Hooks;

namespace WasmBox.Nano.Runtime.Containers
{
    /// <summary>
    /// A container's fixed-size event queue: preallocated slots filled in place by producers
    /// (hook dispatch, any thread) and consumed in place by the container's thread. A full
    /// queue drops the new event and counts it. Allocates nothing after construction.
    /// </summary>
    public sealed class EventRing
    {
        private readonly HookEvent[] _slots;
        private int _head;
        private int _count;
        private int _dropped;
        private bool _headInUse;

        public EventRing(int depth, int payloadBytes)
        {
            if (depth < 1)
            {
                throw new System.ArgumentOutOfRangeException("depth");
            }
            _slots = new HookEvent[depth];
            for (int i = 0; i < depth; i++)
            {
                _slots[i] = new HookEvent(payloadBytes);
            }
        }

        public int Capacity { get { return _slots.Length; } }

        public int Count { get { return _count; } }

        /// <summary>Events refused because the queue was full.</summary>
        public int Dropped { get { return _dropped; } }

        /// <summary>Queues a copy of an event; false (and one more drop) when full.</summary>
        public bool Enqueue(HookKind kind, int parameter, int flags, long timestampMs, string key,
            byte[] payload, int offset, int length, Hook chainHook, int chainPosition)
        {
            lock (_slots)
            {
                HookEvent slot = FreeSlot();
                if (slot == null)
                {
                    return false;
                }
                slot.Set(kind, parameter, flags, timestampMs, key, payload, offset, length);
                slot.ChainHook = chainHook;
                slot.ChainPosition = chainPosition;
                _count++;
                return true;
            }
        }

        /// <summary>Queues a copy of another queue's event, e.g. the next step of a hook chain.</summary>
        public bool EnqueueCopy(HookEvent source, Hook chainHook, int chainPosition)
        {
            lock (_slots)
            {
                HookEvent slot = FreeSlot();
                if (slot == null)
                {
                    return false;
                }
                slot.CopyFrom(source);
                slot.ChainHook = chainHook;
                slot.ChainPosition = chainPosition;
                _count++;
                return true;
            }
        }

        /// <summary>The oldest event, left in place (and kept safe from <see cref="Clear"/>) until <see cref="Release"/>; null when empty.</summary>
        public HookEvent Peek()
        {
            lock (_slots)
            {
                if (_count == 0)
                {
                    return null;
                }
                _headInUse = true;
                return _slots[_head];
            }
        }

        public void Release()
        {
            lock (_slots)
            {
                _headInUse = false;
                if (_count == 0)
                {
                    return;
                }
                _head = _head + 1 == _slots.Length ? 0 : _head + 1;
                _count--;
            }
        }

        /// <summary>Forgets queued events (stop, quarantine); an event being processed stays until released.</summary>
        public void Clear()
        {
            lock (_slots)
            {
                _count = _headInUse && _count > 0 ? 1 : 0;
            }
        }

        private HookEvent FreeSlot()
        {
            if (_count == _slots.Length)
            {
                _dropped++;
                return null;
            }
            int tail = _head + _count;
            return _slots[tail >= _slots.Length ? tail - _slots.Length : tail];
        }
    }
}
