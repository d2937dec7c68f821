namespace WasmBox.Nano.Runtime.Hooks
{
    /// <summary>
    /// One event on its way to a container: a preallocated, reused record (queue slots and the
    /// synchronous path each own some), so delivering an event allocates nothing.
    /// </summary>
    public sealed class HookEvent
    {
        public const int FlagRisingEdge = 1;
        public const int FlagTruncated = 2;

        private readonly byte[] _payload;

        public HookEvent(int payloadCapacity)
        {
            _payload = new byte[payloadCapacity];
        }

        public HookKind Kind;
        public int Parameter;
        public int Flags;
        public long TimestampMs;
        /// <summary>Topic or path of the event (not copied: strings are immutable).</summary>
        public string Key;
        public int PayloadLength;
        public int OriginalLength;

        /// <summary>The hook whose chain this event follows, and the member that runs it; null and -1 outside a chain.</summary>
        public Hook ChainHook;
        public int ChainPosition = -1;

        public byte[] Payload { get { return _payload; } }

        /// <summary>Fills the record, truncating the payload to this record's capacity.</summary>
        public void Set(HookKind kind, int parameter, int flags, long timestampMs, string key,
            byte[] payload, int offset, int length)
        {
            Kind = kind;
            Parameter = parameter;
            TimestampMs = timestampMs;
            Key = key;
            if (payload == null || length < 0)
            {
                length = 0;
            }
            OriginalLength = length;
            int copied = length > _payload.Length ? _payload.Length : length;
            if (copied > 0)
            {
                System.Array.Copy(payload, offset, _payload, 0, copied);
            }
            PayloadLength = copied;
            Flags = copied < length ? flags | FlagTruncated : flags;
            ChainHook = null;
            ChainPosition = -1;
        }

        public void CopyFrom(HookEvent other)
        {
            Set(other.Kind, other.Parameter, other.Flags & ~FlagTruncated, other.TimestampMs, other.Key,
                other._payload, 0, other.PayloadLength);
            if (other.OriginalLength > OriginalLength)
            {
                OriginalLength = other.OriginalLength;
                Flags |= FlagTruncated;
            }
        }
    }
}
