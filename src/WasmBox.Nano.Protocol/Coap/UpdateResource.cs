using WasmBox.Nano.Coap;
using WasmBox.Nano.Protocol.Json;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Protocol.Coap
{
    /// <summary>POST deploy/remove/rollback: the body goes to the update manager, the result comes back as JSON.</summary>
    internal sealed class UpdateResource : ICoapResource
    {
        private readonly DeviceService _service;
        private readonly UpdateOperation _operation;

        public UpdateResource(DeviceService service, UpdateOperation operation)
        {
            _service = service;
            _operation = operation;
        }

        public void Handle(CoapRequest request, CoapResponse response)
        {
            if (RefusedFormat(request, response))
            {
                return;
            }
            UpdateResult r = _operation == UpdateOperation.Deploy
                ? _service.Deploy(request.BodyBuffer, request.BodyOffset, request.BodyLength)
                : _service.Execute(_operation, request.BodyBuffer, request.BodyOffset, request.BodyLength);
            CoapAgent.Answer(response, CodeFor(r.Ok, r.Refusal), ProtocolJson.UpdateResult(_operation, request.BodyLength, r));
        }

        /// <summary>Answers 4.15 unless the body is COSE_Sign1, octet-stream or unlabelled; true when it did.</summary>
        internal static bool RefusedFormat(CoapRequest request, CoapResponse response)
        {
            int format = request.ContentFormat;
            if (format == CoapContentFormat.None || format == CoapContentFormat.CoseSign1 || format == CoapContentFormat.OctetStream)
            {
                return false;
            }
            CoapAgent.Answer(response, CoapCode.UnsupportedContentFormat,
                ProtocolJson.Error("unsupported-content-format", "send COSE_Sign1 (18), octet-stream (42) or no Content-Format"));
            return true;
        }

        /// <summary>2.04 for a change; 4.13 too large; 4.03 for what the signer may not do; 5.00 storage; else 4.00.</summary>
        internal static byte CodeFor(bool ok, UpdateRefusal refusal)
        {
            if (ok)
            {
                return CoapCode.Changed;
            }
            switch (refusal)
            {
                case UpdateRefusal.TooLarge:
                    return CoapCode.RequestEntityTooLarge;
                case UpdateRefusal.UnknownTenant:
                case UpdateRefusal.BadSignature:
                case UpdateRefusal.TenantNotProvisioned:
                case UpdateRefusal.Replay:
                case UpdateRefusal.NeedsExceedGrants:
                    return CoapCode.Forbidden;
                case UpdateRefusal.NoSuchFunction:
                case UpdateRefusal.NoPreviousVersion:
                    return CoapCode.NotFound;
                case UpdateRefusal.StorageFailed:
                    return CoapCode.InternalServerError;
                default:
                    return CoapCode.BadRequest;
            }
        }
    }
}
