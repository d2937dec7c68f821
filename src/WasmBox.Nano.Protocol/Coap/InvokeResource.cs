using WasmBox.Nano.Coap;
using WasmBox.Nano.Protocol.Json;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Protocol.Coap
{
    /// <summary>POST invoke?tenant=T&amp;slot=N: runs the function once with the body as payload; JSON result.</summary>
    internal sealed class InvokeResource : ICoapResource
    {
        private readonly DeviceService _service;

        public InvokeResource(DeviceService service)
        {
            _service = service;
        }

        public void Handle(CoapRequest request, CoapResponse response)
        {
            string tenant = request.GetQueryValue("tenant");
            int slot = DeviceTopics.ParseSlot(request.GetQueryValue("slot"), 0);
            if (tenant == null || PolicyParser.ValidateName(tenant) != null || slot < 0)
            {
                CoapAgent.Answer(response, CoapCode.BadRequest,
                    ProtocolJson.Error("bad-query", "invoke needs ?tenant=NAME&slot=N, N in canonical decimal (no sign, no leading zero)"));
                return;
            }
            InvokeResult r = _service.Invoke(tenant, slot, request.CopyBody(), request.BodyLength);
            byte code = r.Ok ? CoapCode.Changed : r.Refusal == InvokeRefusal.NoSuchFunction ? CoapCode.NotFound
                : r.Refusal == InvokeRefusal.TooLarge ? CoapCode.RequestEntityTooLarge
                : InvokeResult.IsUnauthorized(r.Refusal) ? CoapCode.Unauthorized
                : r.Refusal == InvokeRefusal.StorageFailed ? CoapCode.InternalServerError : CoapCode.ServiceUnavailable;
            CoapAgent.Answer(response, code, ProtocolJson.InvokeResult(r));
        }
    }
}
