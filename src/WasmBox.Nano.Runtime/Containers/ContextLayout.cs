using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Containers
{
    /// <summary>
    /// The read-only context struct a container finds at r1 = <see cref="Address"/> on every
    /// run (little-endian; the README documents it for C sources):
    /// <code>
    /// struct wbx_context {            // offset
    ///     uint32_t hook_kind;         //  0  HookKind
    ///     uint32_t hook_param;        //  4  timer period ms / GPIO pin / 0
    ///     uint64_t timestamp_ms;      //  8  board clock when the event happened
    ///     uint32_t payload_len;       // 16  bytes at payload_addr
    ///     uint32_t original_len;      // 20  payload length before truncation
    ///     uint32_t payload_addr;      // 24  VM address of the read-only payload
    ///     uint32_t flags;             // 28  bit 0 rising edge, bit 1 payload truncated
    ///     uint32_t sequence;          // 32  this container's run number, from 1
    ///     uint32_t dropped;           // 36  events lost to a full queue so far
    /// };                              // 40 bytes
    /// </code>
    /// </summary>
    public static class ContextLayout
    {
        public const uint Address = MemoryRegion.ContextBase;

        /// <summary>The payload region sits in the context range, one page above the struct.</summary>
        public const uint PayloadAddress = MemoryRegion.ContextBase + 0x1000;

        /// <summary>CoAP response buffer returned by coap_get_pdu, in the helper-granted range.</summary>
        public const uint CoapBufferAddress = MemoryRegion.GrantBase;

        public const int HookKind = 0;
        public const int HookParam = 4;
        public const int TimestampMs = 8;
        public const int PayloadLength = 16;
        public const int OriginalLength = 20;
        public const int PayloadAddr = 24;
        public const int Flags = 28;
        public const int Sequence = 32;
        public const int Dropped = 36;
        public const int Size = 40;
    }
}
