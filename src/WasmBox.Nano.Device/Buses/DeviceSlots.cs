namespace WasmBox.Nano.Device.Buses
{
    /// <summary>
    /// Which of a fixed number of open driver objects serves a device (a key such as a chip select) with its
    /// settings (clock, mode). Drivers copy their settings when opened, so other settings need a reopen;
    /// when every slot is taken the oldest opened is reused. Allocates nothing after construction.
    /// </summary>
    public sealed class DeviceSlots
    {
        private readonly bool[] _used;
        private readonly int[] _keys;
        private readonly int[] _clocks;
        private readonly int[] _modes;
        private int _next;

        public DeviceSlots(int capacity)
        {
            _used = new bool[capacity];
            _keys = new int[capacity];
            _clocks = new int[capacity];
            _modes = new int[capacity];
        }

        /// <summary>
        /// The slot for <paramref name="key"/> with these settings. <paramref name="open"/> is false when the
        /// slot already holds exactly that; true when the caller must close what the slot holds (if anything)
        /// and open the device there: the key's own slot when its settings changed, else the next in turn.
        /// </summary>
        public int Take(int key, int clock, int mode, out bool open)
        {
            for (int i = 0; i < _used.Length; i++)
            {
                if (_used[i] && _keys[i] == key)
                {
                    open = _clocks[i] != clock || _modes[i] != mode;
                    return Record(i, key, clock, mode);
                }
            }
            int slot = _next;
            _next = _next + 1 == _used.Length ? 0 : _next + 1;
            open = true;
            return Record(slot, key, clock, mode);
        }

        private int Record(int slot, int key, int clock, int mode)
        {
            _used[slot] = true;
            _keys[slot] = key;
            _clocks[slot] = clock;
            _modes[slot] = mode;
            return slot;
        }
    }
}
