using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// gcoap response building, Femto-Containers style. r1 is the context pointer the program
    /// got (not dereferenced: the response belongs to the container's current run).
    /// 0x40 gcoap_resp_init(ctx, code): sets the response code (e.g. 0x45 = 2.05), returns 0.
    /// 0x41 coap_opt_finish(ctx, flags): returns 0 — the runtime writes header and options
    /// itself, so the PDU buffer holds only the payload and the program's return value
    /// (pdu_len + payload length) is the payload length.
    /// 0x42 coap_add_format(ctx, format): sets Content-Format, returns 0.
    /// 0x43 coap_get_pdu(ctx): the VM address of the writable payload buffer.
    /// </summary>
    public sealed class CoapHelper : RuntimeHelper
    {
        public CoapHelper(Container container, int id)
            : base(container, id)
        {
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            CoapExchange exchange = Container.Coap;
            result = 0;
            switch (Id)
            {
                case HelperIds.CoapRespInit:
                    if (r2 > 0xff)
                    {
                        result = Errno.Result(Errno.Invalid);
                        break;
                    }
                    exchange.Code = (int)r2;
                    break;
                case HelperIds.CoapAddFormat:
                    if (r2 > 0xffff)
                    {
                        result = Errno.Result(Errno.Invalid);
                        break;
                    }
                    exchange.Format = (int)r2;
                    break;
                case HelperIds.CoapGetPdu:
                    result = ContextLayout.CoapBufferAddress;
                    break;
            }
            return VmStatus.Ok;
        }
    }
}
