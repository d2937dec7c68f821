namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// Fixed memory bounds of a <see cref="CoapServer"/>; everything is allocated once, at construction.
    /// Roughly: 2 x MaxMessageSize + MaxResponseBody + ReassemblySlots x MaxRequestBody
    /// + DeduplicationEntries x MaxMessageSize bytes.
    /// </summary>
    public sealed class CoapServerOptions
    {
        public CoapServerOptions()
        {
            MaxMessageSize = 1152;
            MaxResponseBody = 2048;
            MaxRequestBody = 4096;
            ReassemblySlots = 2;
            TransferTimeoutMs = 20000;
            Clock = null;
            DeduplicationEntries = 8;
            PreferredBlockSizeExponent = BlockOption.MaxSizeExponent;
            MaxOptions = 24;
            FirstMessageId = 0;
        }

        /// <summary>Largest datagram received or sent (RFC 7252 section 4.6 suggests 1152).</summary>
        public int MaxMessageSize { get; set; }
        /// <summary>Largest whole response body a handler can write; GET responses go out in Block2 slices.</summary>
        public int MaxResponseBody { get; set; }
        /// <summary>Capacity of each Block1 reassembly buffer, and the upper bound of every resource's body limit.</summary>
        public int MaxRequestBody { get; set; }
        /// <summary>How many Block1 transfers (each keyed by peer endpoint and request) can be under way at once.</summary>
        public int ReassemblySlots { get; set; }
        /// <summary>A Block1 transfer idle this long is dropped and its slot freed for a newcomer.</summary>
        public int TransferTimeoutMs { get; set; }
        /// <summary>Milliseconds for transfer timeouts; null uses the system clock.</summary>
        public ICoapClock Clock { get; set; }
        /// <summary>How many recent exchanges are remembered for duplicate detection.</summary>
        public int DeduplicationEntries { get; set; }
        /// <summary>Largest block the server sends or asks for, as SZX (6 = 1024 bytes).</summary>
        public int PreferredBlockSizeExponent { get; set; }
        /// <summary>Most options a received message may carry.</summary>
        public int MaxOptions { get; set; }
        /// <summary>First message id of server-originated (non-confirmable) messages; seed it randomly on a device.</summary>
        public int FirstMessageId { get; set; }
    }
}
