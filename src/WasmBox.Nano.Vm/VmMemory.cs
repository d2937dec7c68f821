namespace WasmBox.Nano.Vm
{
    /// <summary>
    /// The VM's address space: a small table of non-overlapping <see cref="MemoryRegion"/>s.
    /// Every access by the interpreter and by helpers goes through <see cref="Translate"/>
    /// (region, bounds and permission), so no unchecked access to host memory exists.
    /// </summary>
    public sealed class VmMemory
    {
        /// <summary>Enough for context, stack, data, rodata and a few helper-granted buffers.</summary>
        public const int MaxRegions = 12;

        /// <summary>Returned by <see cref="Translate"/> when no region holds the whole access.</summary>
        public const int OutOfBounds = -1;

        /// <summary>Returned by <see cref="Translate"/> when the region forbids the access.</summary>
        public const int NotPermitted = -2;

        private readonly MemoryRegion[] _regions = new MemoryRegion[MaxRegions];
        private int _count;
        private int _last;

        /// <summary>Backing array of the region the last successful <see cref="Translate"/> hit.</summary>
        private byte[] _hitData;

        public int RegionCount { get { return _count; } }

        /// <summary>Adds a region. Setup-time only: throws on overlap or a full table.</summary>
        public void Map(MemoryRegion region)
        {
            if (region == null)
            {
                throw new System.ArgumentNullException("region");
            }
            if (_count == MaxRegions)
            {
                throw new System.InvalidOperationException("too many memory regions");
            }
            for (int i = 0; i < _count; i++)
            {
                MemoryRegion other = _regions[i];
                if (region.Start < other.End && other.Start < region.End)
                {
                    throw new System.ArgumentException("region overlaps an existing region");
                }
            }
            _regions[_count++] = region;
        }

        /// <summary>Removes a region; returns false when it was not mapped.</summary>
        public bool Unmap(MemoryRegion region)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_regions[i] == region)
                {
                    _count--;
                    _regions[i] = _regions[_count];
                    _regions[_count] = null;
                    _last = 0;
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// Checks an access of <paramref name="size"/> bytes at <paramref name="address"/> and
        /// returns the index of its first byte in <see cref="HitData"/>, or
        /// <see cref="OutOfBounds"/> / <see cref="NotPermitted"/>. Allocates nothing.
        /// </summary>
        public int Translate(ulong address, int size, bool write)
        {
            if (size < 0)
            {
                return OutOfBounds;
            }
            int n = _count;
            for (int k = 0; k < n; k++)
            {
                // Start with the region hit last time: loops usually stay in one region.
                int i = _last + k;
                if (i >= n)
                {
                    i -= n;
                }
                MemoryRegion r = _regions[i];
                ulong rel = address - r.Start;
                if (rel < (ulong)r.Length && rel + (ulong)size <= (ulong)r.Length)
                {
                    if (write ? !r.Writable : !r.Readable)
                    {
                        return NotPermitted;
                    }
                    _last = i;
                    _hitData = r.Data;
                    return r.Offset + (int)rel;
                }
            }
            return OutOfBounds;
        }

        /// <summary>The region of the last successful <see cref="Translate"/> (the interpreter caches it).</summary>
        internal MemoryRegion LastHit { get { return _regions[_last]; } }

        /// <summary>The backing array of the last successful <see cref="Translate"/>.</summary>
        public byte[] HitData { get { return _hitData; } }

        // Checked accessors for helpers. Each returns false, and touches nothing, when the
        // access is not entirely inside one region that permits it.

        public bool TryReadByte(ulong address, out byte value)
        {
            int i = Translate(address, 1, false);
            value = i < 0 ? (byte)0 : _hitData[i];
            return i >= 0;
        }

        public bool TryReadUInt32(ulong address, out uint value)
        {
            int i = Translate(address, 4, false);
            value = i < 0 ? 0 : LittleEndian.ReadUInt32(_hitData, i);
            return i >= 0;
        }

        public bool TryReadUInt64(ulong address, out ulong value)
        {
            int i = Translate(address, 8, false);
            value = i < 0 ? 0 : LittleEndian.ReadUInt64(_hitData, i);
            return i >= 0;
        }

        public bool TryWriteUInt32(ulong address, uint value)
        {
            int i = Translate(address, 4, true);
            if (i < 0)
            {
                return false;
            }
            LittleEndian.WriteUInt32(_hitData, i, value);
            return true;
        }

        public bool TryWriteUInt64(ulong address, ulong value)
        {
            int i = Translate(address, 8, true);
            if (i < 0)
            {
                return false;
            }
            LittleEndian.WriteUInt64(_hitData, i, value);
            return true;
        }

        /// <summary>Copies <paramref name="length"/> bytes out of VM memory.</summary>
        public bool TryRead(ulong address, byte[] destination, int destinationIndex, int length)
        {
            if (destination == null || length < 0 || destinationIndex < 0 || destinationIndex > destination.Length - length)
            {
                return false;
            }
            int i = Translate(address, length, false);
            if (i < 0)
            {
                return false;
            }
            System.Array.Copy(_hitData, i, destination, destinationIndex, length);
            return true;
        }

        /// <summary>Copies <paramref name="length"/> bytes into VM memory.</summary>
        public bool TryWrite(ulong address, byte[] source, int sourceIndex, int length)
        {
            if (source == null || length < 0 || sourceIndex < 0 || sourceIndex > source.Length - length)
            {
                return false;
            }
            int i = Translate(address, length, true);
            if (i < 0)
            {
                return false;
            }
            System.Array.Copy(source, sourceIndex, _hitData, i, length);
            return true;
        }

        /// <summary>
        /// Length of the NUL-terminated string at <paramref name="address"/>, looking at no more
        /// than <paramref name="maxLength"/> bytes; -1 when unreadable or unterminated.
        /// </summary>
        public int CStringLength(ulong address, int maxLength)
        {
            int i = Translate(address, 1, false);
            if (i < 0)
            {
                return -1;
            }
            // The string must end inside the region it starts in.
            MemoryRegion r = _regions[_last];
            int end = r.Offset + r.Length;
            byte[] data = _hitData;
            for (int k = 0; k < maxLength && i + k < end; k++)
            {
                if (data[i + k] == 0)
                {
                    return k;
                }
            }
            return -1;
        }
    }
}
