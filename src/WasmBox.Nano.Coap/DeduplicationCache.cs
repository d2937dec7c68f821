using System;

namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// The last N (remote, message id) pairs the server answered, with the encoded answer, so a
    /// retransmitted Confirmable request gets the very same response without running the handler
    /// again (RFC 7252 section 4.5). Fixed size: the oldest entry is overwritten, which bounds memory
    /// in place of EXCHANGE_LIFETIME.
    /// </summary>
    internal sealed class DeduplicationCache
    {
        readonly object[] _remotes;
        readonly int[] _messageIds;
        readonly byte[][] _responses;
        readonly int[] _responseLengths;
        int _next;

        public DeduplicationCache(int entries, int maxMessageSize)
        {
            _remotes = new object[entries];
            _messageIds = new int[entries];
            _responses = new byte[entries][];
            _responseLengths = new int[entries];
            for (int i = 0; i < entries; i++) _responses[i] = new byte[maxMessageSize];
        }

        /// <summary>Index of the entry for this exchange, or -1.</summary>
        public int Find(object remote, int messageId)
        {
            for (int i = 0; i < _remotes.Length; i++)
                if (_remotes[i] != null && _messageIds[i] == messageId && _remotes[i].Equals(remote)) return i;
            return -1;
        }

        public byte[] ResponseOf(int index) { return _responses[index]; }

        /// <summary>Length of the stored response; 0 when the exchange needed none (a non-confirmable one).</summary>
        public int ResponseLengthOf(int index) { return _responseLengths[index]; }

        public void Remember(object remote, int messageId, byte[] response, int length)
        {
            if (_remotes.Length == 0) return;
            int slot = _next;
            _next = (_next + 1) % _remotes.Length;
            _remotes[slot] = remote;
            _messageIds[slot] = messageId;
            _responseLengths[slot] = length;
            if (length > 0) Array.Copy(response, _responses[slot], length);
        }
    }
}
