using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// The payload of the event that woke the container (MQTT message, CoAP request body).
    /// 0x90 payload_length(): bytes available. 0x91 payload_read(dest, offset, len): copies
    /// up to len bytes from offset, returns how many (0 past the end). The same bytes are
    /// also mapped read-only at the context's payload_addr.
    /// </summary>
    public sealed class PayloadHelper : RuntimeHelper
    {
        public PayloadHelper(Container container, int id)
            : base(container, id)
        {
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            int length = Container.PayloadLength;
            if (Id == HelperIds.PayloadLength)
            {
                result = (ulong)length;
                return VmStatus.Ok;
            }
            int count = r2 >= (ulong)length ? 0 : (int)((ulong)length - r2);
            if (r3 < (ulong)count)
            {
                count = (int)r3;
            }
            if (!vm.Memory.TryWrite(r1, Container.PayloadBuffer, (int)(count == 0 ? 0 : r2), count))
            {
                return BadPointer(out result);
            }
            result = (ulong)count;
            return VmStatus.Ok;
        }
    }
}
