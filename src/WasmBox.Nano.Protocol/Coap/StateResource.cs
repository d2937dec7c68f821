using WasmBox.Nano.Coap;
using WasmBox.Nano.Protocol.Json;

namespace WasmBox.Nano.Protocol.Coap
{
    /// <summary>GET state: the same JSON the MQTT agent keeps retained on wbx/{id}/state.</summary>
    internal sealed class StateResource : ICoapResource
    {
        private readonly DeviceService _service;

        public StateResource(DeviceService service)
        {
            _service = service;
        }

        public void Handle(CoapRequest request, CoapResponse response)
        {
            // Block2 runs GET handlers once per block, so the document must not change between
            // blocks: uptime is left out here, the installed list changes only through updates.
            CoapAgent.Answer(response, CoapCode.Content,
                ProtocolJson.Online(_service.DeviceId, _service.RuntimeVersion, -1, _service.Installed));
        }
    }
}
