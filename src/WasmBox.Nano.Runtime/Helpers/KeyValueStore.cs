namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// A fixed-capacity map of 32-bit keys to 32-bit values, as Femto-Containers' stores have.
    /// Capacity is fixed at creation so a tenant cannot grow the heap; lookups are a linear
    /// scan (capacities are tens of entries). Thread-safe: a tenant's global store is shared
    /// by its containers' threads.
    /// </summary>
    public sealed class KeyValueStore
    {
        private readonly uint[] _keys;
        private readonly uint[] _values;
        private int _count;

        public KeyValueStore(int capacity)
        {
            if (capacity < 0)
            {
                throw new System.ArgumentOutOfRangeException("capacity");
            }
            _keys = new uint[capacity];
            _values = new uint[capacity];
        }

        public int Capacity { get { return _keys.Length; } }

        public int Count { get { return _count; } }

        /// <summary>Sets a key; false when the key is new and the store is full.</summary>
        public bool Store(uint key, uint value)
        {
            lock (_keys)
            {
                int i = IndexOf(key);
                if (i < 0)
                {
                    if (_count == _keys.Length)
                    {
                        return false;
                    }
                    i = _count++;
                    _keys[i] = key;
                }
                _values[i] = value;
                return true;
            }
        }

        /// <summary>The value of a key; 0 when absent (Femto-Containers semantics).</summary>
        public uint Fetch(uint key)
        {
            lock (_keys)
            {
                int i = IndexOf(key);
                return i < 0 ? 0 : _values[i];
            }
        }

        private int IndexOf(uint key)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_keys[i] == key)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
