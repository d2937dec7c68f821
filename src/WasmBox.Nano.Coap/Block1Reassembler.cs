using System;

namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// Reassembles Block1 request bodies (RFC 7959) into a fixed number of fixed-size buffers, one
    /// transfer per (remote, resource). Blocks must arrive in order; a gap or repeat aborts the
    /// transfer. When every slot is busy, a new transfer takes the least recently used one.
    /// </summary>
    internal sealed class Block1Reassembler
    {
        readonly object[] _remotes;
        readonly CoapResourceEntry[] _resources;
        readonly byte[][] _buffers;
        readonly int[] _received;
        readonly int[] _lastUse;
        int _clock;

        public Block1Reassembler(int slots, int capacity)
        {
            _remotes = new object[slots];
            _resources = new CoapResourceEntry[slots];
            _buffers = new byte[slots][];
            _received = new int[slots];
            _lastUse = new int[slots];
            for (int i = 0; i < slots; i++) _buffers[i] = new byte[capacity];
        }

        public byte[] BufferOf(int slot) { return _buffers[slot]; }

        public int LengthOf(int slot) { return _received[slot]; }

        public void Release(int slot)
        {
            _remotes[slot] = null;
            _resources[slot] = null;
            _received[slot] = 0;
        }

        /// <summary>Stores one block; <paramref name="slot"/> is where the body accumulates (-1 if none).</summary>
        public Block1Result Accept(object remote, CoapResourceEntry resource, BlockOption block,
            byte[] payload, int offset, int length, out int slot)
        {
            slot = Find(remote, resource);
            if (block.Number == 0)
            {
                if (slot < 0) slot = Acquire(remote, resource);
                _received[slot] = 0;
            }
            else if (slot < 0)
            {
                return Block1Result.Incomplete;
            }

            Block1Result refusal = Check(slot, resource, block, length);
            if (refusal != Block1Result.Continue)
            {
                Release(slot);
                slot = -1;
                return refusal;
            }

            if (length > 0) Array.Copy(payload, offset, _buffers[slot], _received[slot], length);
            _received[slot] += length;
            _lastUse[slot] = ++_clock;
            return block.More ? Block1Result.Continue : Block1Result.Complete;
        }

        Block1Result Check(int slot, CoapResourceEntry resource, BlockOption block, int length)
        {
            if (block.Offset != _received[slot]) return Block1Result.Incomplete;
            if (block.More && length != block.Size) return Block1Result.WrongBlockSize;
            if (length > resource.MaxRequestBody - _received[slot]) return Block1Result.TooLarge;
            return Block1Result.Continue;
        }

        int Find(object remote, CoapResourceEntry resource)
        {
            for (int i = 0; i < _remotes.Length; i++)
                if (_resources[i] == resource && _remotes[i] != null && _remotes[i].Equals(remote)) return i;
            return -1;
        }

        int Acquire(object remote, CoapResourceEntry resource)
        {
            int chosen = 0;
            for (int i = 0; i < _remotes.Length; i++)
            {
                if (_remotes[i] == null) { chosen = i; break; }
                if (_lastUse[i] < _lastUse[chosen]) chosen = i;
            }
            _remotes[chosen] = remote;
            _resources[chosen] = resource;
            return chosen;
        }
    }
}
