using System;

namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// Reassembles Block1 request bodies (RFC 7959) into a fixed number of fixed-size buffers, one
    /// transfer per peer endpoint and request (remote, resource), as RFC 7959 section 2.3 keys them.
    /// Blocks must arrive in order; a gap or repeat aborts that transfer only. An active transfer is
    /// never evicted: when every slot holds one, a newcomer is refused (<see cref="Block1Result.Busy"/>,
    /// answered 5.03 with Max-Age) until a slot completes or goes idle for the transfer timeout.
    /// </summary>
    internal sealed class Block1Reassembler
    {
        readonly object[] _remotes;
        readonly CoapResourceEntry[] _resources;
        readonly byte[][] _buffers;
        readonly int[] _received;
        readonly long[] _lastUseMs;
        readonly int _timeoutMs;

        public Block1Reassembler(int slots, int capacity, int timeoutMs)
        {
            _remotes = new object[slots];
            _resources = new CoapResourceEntry[slots];
            _buffers = new byte[slots][];
            _received = new int[slots];
            _lastUseMs = new long[slots];
            _timeoutMs = timeoutMs;
            for (int i = 0; i < slots; i++) _buffers[i] = new byte[capacity];
        }

        public byte[] BufferOf(int slot) { return _buffers[slot]; }

        public int LengthOf(int slot) { return _received[slot]; }

        /// <summary>Transfers under way (not idle past the timeout) at <paramref name="nowMs"/>.</summary>
        public int ActiveCount(long nowMs)
        {
            int n = 0;
            for (int i = 0; i < _remotes.Length; i++)
                if (IsActive(i, nowMs)) n++;
            return n;
        }

        public void Release(int slot)
        {
            _remotes[slot] = null;
            _resources[slot] = null;
            _received[slot] = 0;
        }

        /// <summary>Whole seconds (at least 1) until the stalest active transfer times out: the Max-Age of a 5.03.</summary>
        public int SecondsUntilFree(long nowMs)
        {
            long soonest = long.MaxValue;
            for (int i = 0; i < _remotes.Length; i++)
            {
                long left = _lastUseMs[i] + _timeoutMs - nowMs;
                if (IsActive(i, nowMs) && left < soonest) soonest = left;
            }
            long seconds = soonest == long.MaxValue ? 1 : (soonest + 999) / 1000;
            return seconds < 1 ? 1 : (int)seconds;
        }

        /// <summary>Stores one block; <paramref name="slot"/> is where the body accumulates (-1 if none).</summary>
        public Block1Result Accept(object remote, CoapResourceEntry resource, BlockOption block,
            byte[] payload, int offset, int length, long nowMs, out int slot)
        {
            slot = Find(remote, resource, nowMs);
            if (block.Number == 0)
            {
                if (slot < 0) slot = Acquire(remote, resource, nowMs);
                if (slot < 0) return Block1Result.Busy;
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
            _lastUseMs[slot] = nowMs;
            return block.More ? Block1Result.Continue : Block1Result.Complete;
        }

        Block1Result Check(int slot, CoapResourceEntry resource, BlockOption block, int length)
        {
            if (block.Offset != _received[slot]) return Block1Result.Incomplete;
            if (block.More && length != block.Size) return Block1Result.WrongBlockSize;
            if (length > resource.MaxRequestBody - _received[slot]) return Block1Result.TooLarge;
            return Block1Result.Continue;
        }

        bool IsActive(int slot, long nowMs)
        {
            return _remotes[slot] != null && nowMs - _lastUseMs[slot] < _timeoutMs;
        }

        int Find(object remote, CoapResourceEntry resource, long nowMs)
        {
            for (int i = 0; i < _remotes.Length; i++)
                if (_resources[i] == resource && IsActive(i, nowMs) && _remotes[i].Equals(remote)) return i;
            return -1;
        }

        /// <summary>A free or expired slot for a new transfer, or -1 when every slot holds an active one.</summary>
        int Acquire(object remote, CoapResourceEntry resource, long nowMs)
        {
            for (int i = 0; i < _remotes.Length; i++)
            {
                if (IsActive(i, nowMs)) continue;
                _remotes[i] = remote;
                _resources[i] = resource;
                _received[i] = 0;
                _lastUseMs[i] = nowMs;
                return i;
            }
            return -1;
        }
    }
}
