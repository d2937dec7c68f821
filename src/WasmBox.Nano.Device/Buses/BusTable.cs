namespace WasmBox.Nano.Device.Buses
{
    /// <summary>
    /// The adapters of one kind of bus by the numbers manifests use. Filled once at boot; a lookup is a
    /// short scan that allocates nothing (boards have a handful of buses).
    /// </summary>
    public sealed class BusTable
    {
        private readonly int[] _numbers;
        private readonly object[] _adapters;
        private int _count;

        public BusTable(int capacity)
        {
            _numbers = new int[capacity];
            _adapters = new object[capacity];
        }

        public int Count { get { return _count; } }

        /// <summary>Adds the adapter of bus <paramref name="number"/>; false when the number is taken or the table is full.</summary>
        public bool Add(int number, object adapter)
        {
            if (_count == _numbers.Length || Find(number) != null)
            {
                return false;
            }
            _numbers[_count] = number;
            _adapters[_count] = adapter;
            _count++;
            return true;
        }

        /// <summary>The adapter of bus <paramref name="number"/>, or null.</summary>
        public object Find(int number)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_numbers[i] == number)
                {
                    return _adapters[i];
                }
            }
            return null;
        }
    }
}
