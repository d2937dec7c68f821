using WasmBox.Nano.Coap;
using WasmBox.Nano.Protocol.Policies;

namespace WasmBox.Nano.Protocol.Coap
{
    /// <summary>
    /// The device side of the deployment protocol over CoAP (README.md): registers on a
    /// <see cref="CoapServer"/> POST deploy (the signed bundle, Block1 for anything over one
    /// datagram, Content-Format COSE_Sign1 or none), POST remove and rollback (signed commands),
    /// POST invoke?tenant=T&amp;slot=N, and GET state; the server itself serves /.well-known/core.
    /// Bodies over the limits are refused with 4.13 before they are buffered.
    /// </summary>
    public static class CoapAgent
    {
        /// <summary>Block1 transfers under way at once: two honest deploys side by side, a third waits (5.03, Max-Age).</summary>
        public const int ReassemblySlots = 2;

        /// <summary>A transfer idle this long frees its slot for a newcomer.</summary>
        public const int TransferTimeoutMs = 20000;

        /// <summary>
        /// The server options every device uses, simulated or on a board: request bodies up to a
        /// bundle, <see cref="ReassemblySlots"/> reassembly buffers of that size, idle transfers
        /// dropped after <see cref="TransferTimeoutMs"/>. A board adds its clock and a random first message id.
        /// </summary>
        public static CoapServerOptions ServerOptions(DeviceService service)
        {
            CoapServerOptions options = new CoapServerOptions();
            options.MaxRequestBody = service.MaxBundleBytes;
            options.ReassemblySlots = ReassemblySlots;
            options.TransferTimeoutMs = TransferTimeoutMs;
            return options;
        }

        /// <summary>Registers the resources. The server's MaxRequestBody must be at least the service's MaxBundleBytes.</summary>
        public static void Register(CoapServer server, DeviceService service)
        {
            if (server == null || service == null)
            {
                throw new System.ArgumentNullException(server == null ? "server" : "service");
            }
            server.Register("deploy", new UpdateResource(service, UpdateOperation.Deploy), CoapMethods.Post, service.MaxBundleBytes)
                .Describe("wbx.deploy", null, CoapContentFormat.CoseSign1);
            server.Register("remove", new UpdateResource(service, UpdateOperation.Remove), CoapMethods.Post, service.MaxCommandBytes)
                .Describe("wbx.remove", null, CoapContentFormat.OctetStream);
            server.Register("rollback", new UpdateResource(service, UpdateOperation.Rollback), CoapMethods.Post, service.MaxCommandBytes)
                .Describe("wbx.rollback", null, CoapContentFormat.OctetStream);
            server.Register("invoke", new InvokeResource(service), CoapMethods.Post, service.MaxInvokeMessageBytes)
                .Describe("wbx.invoke", null, CoapContentFormat.Json);
            server.Register("state", new StateResource(service), CoapMethods.Get)
                .Describe("wbx.state", "core.s", CoapContentFormat.Json);
            if (service.Policies != null)
            {
                PolicyCoap.Register(server, service.Policies, service.DeviceId);
            }
        }

        /// <summary>Writes a JSON document as the response, with its code.</summary>
        internal static void Answer(CoapResponse response, byte code, byte[] json)
        {
            response.Code = code;
            response.ContentFormat = CoapContentFormat.Json;
            response.Write(json, 0, json.Length);
        }
    }
}
