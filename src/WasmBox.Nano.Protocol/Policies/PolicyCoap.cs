using WasmBox.Nano.Coap;
using WasmBox.Nano.Protocol.Coap;
using WasmBox.Nano.Update.Policies;

namespace WasmBox.Nano.Protocol.Policies
{
    /// <summary>
    /// The policy channel on CoAP (README.md, "Hostcall policies"): POST policy (a signed policy or
    /// removal, Block1 when it spans datagrams) answered with the MQTT result JSON and the deploy
    /// resource's codes, and GET policies (the installed list).
    /// </summary>
    public static class PolicyCoap
    {
        public static void Register(CoapServer server, PolicyChannel channel, string deviceId)
        {
            server.Register("policy", new PolicyResource(channel), CoapMethods.Post, channel.MaxBytes)
                .Describe("wbx.policy", null, CoapContentFormat.CoseSign1);
            server.Register("policies", new PoliciesResource(channel, deviceId), CoapMethods.Get)
                .Describe("wbx.policies", null, CoapContentFormat.Json);
        }

        private sealed class PolicyResource : ICoapResource
        {
            private readonly PolicyChannel _channel;

            public PolicyResource(PolicyChannel channel)
            {
                _channel = channel;
            }

            public void Handle(CoapRequest request, CoapResponse response)
            {
                if (UpdateResource.RefusedFormat(request, response))
                {
                    return;
                }
                PolicyResult r = _channel.Deploy(request.BodyBuffer, request.BodyOffset, request.BodyLength);
                CoapAgent.Answer(response, UpdateResource.CodeFor(r.Ok, r.Refusal), PolicyJson.Result(request.BodyLength, r));
            }
        }

        private sealed class PoliciesResource : ICoapResource
        {
            private readonly PolicyChannel _channel;
            private readonly string _deviceId;

            public PoliciesResource(PolicyChannel channel, string deviceId)
            {
                _channel = channel;
                _deviceId = deviceId;
            }

            public void Handle(CoapRequest request, CoapResponse response)
            {
                // Block2 calls this once per block: the list changes only through a policy change.
                CoapAgent.Answer(response, CoapCode.Content, PolicyJson.Installed(_deviceId, _channel.Installed));
            }
        }
    }
}
