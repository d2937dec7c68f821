namespace WasmBox.Nano.Vm
{
    /// <summary>
    /// A range of the VM's virtual 32-bit address space backed by a byte array.
    /// The program only ever sees virtual addresses; the array never leaves the host.
    /// </summary>
    public sealed class MemoryRegion
    {
        /// <summary>Design-page bases the toolchain relocates against.</summary>
        public const uint ContextBase = 0x10000000;
        public const uint StackBase = 0x20000000;
        public const uint DataBase = 0x30000000;
        public const uint RodataBase = 0x40000000;
        public const uint GrantBase = 0x50000000;

        private readonly uint _start;
        private readonly byte[] _data;
        private readonly int _offset;
        private readonly int _capacity;
        private int _length;
        private readonly bool _readable;
        private readonly bool _writable;

        /// <summary>Maps all of <paramref name="data"/> at <paramref name="start"/>.</summary>
        public MemoryRegion(uint start, byte[] data, bool readable, bool writable)
            : this(start, data, 0, data == null ? 0 : data.Length, readable, writable)
        {
        }

        /// <summary>Maps <paramref name="length"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public MemoryRegion(uint start, byte[] data, int offset, int length, bool readable, bool writable)
        {
            if (data == null)
            {
                throw new System.ArgumentNullException("data");
            }
            if (start == 0)
            {
                // Address 0 must always fault so that NULL dereferences are caught.
                throw new System.ArgumentException("a region cannot start at address 0");
            }
            if (offset < 0 || length < 0 || offset > data.Length - length)
            {
                throw new System.ArgumentOutOfRangeException("length");
            }
            if ((ulong)start + (ulong)length > 0x100000000UL)
            {
                throw new System.ArgumentException("region runs past the 32-bit address space");
            }
            _start = start;
            _data = data;
            _offset = offset;
            _capacity = length;
            _length = length;
            _readable = readable;
            _writable = writable;
        }

        public uint Start { get { return _start; } }

        /// <summary>Bytes visible to the program.</summary>
        public int Length { get { return _length; } }

        /// <summary>The most bytes the region can ever show; its address range is reserved up to here.</summary>
        public int Capacity { get { return _capacity; } }

        /// <summary>First address past the region's reserved range (<see cref="Start"/> + <see cref="Capacity"/>).</summary>
        public ulong End { get { return (ulong)_start + (ulong)_capacity; } }

        /// <summary>The backing array; visible bytes are <c>Data[Offset .. Offset+Length)</c>.</summary>
        public byte[] Data { get { return _data; } }

        public int Offset { get { return _offset; } }

        public bool Readable { get { return _readable; } }

        public bool Writable { get { return _writable; } }

        /// <summary>
        /// Shrinks or regrows the visible part within the capacity given at construction, e.g. to
        /// expose only the bytes of the current message in a reused payload buffer. It can never
        /// grow past the reserved range, so it cannot overlap a neighbouring region. Never allocates.
        /// </summary>
        public void Resize(int length)
        {
            if (length < 0 || length > _capacity)
            {
                throw new System.ArgumentOutOfRangeException("length");
            }
            _length = length;
        }
    }
}
