using WasmBox.Nano.Coap;
using WasmBox.Nano.Coap.Host;

namespace WasmBox.Nano.Deploy.Client;

/// <summary>The policy channel over CoAP: POST policy (block-wise) and GET policies.</summary>
public sealed partial class CoapDeviceClient
{
    public PolicyReply DeployPolicy(byte[] signedPolicy)
    {
        CoapClientResponse response = Send(() => _client.Post("policy", signedPolicy, CoapContentFormat.CoseSign1));
        if (response.ContentFormat == CoapContentFormat.Json)
            return Replies.Parse<PolicyReply>(response.Payload, "the policy result");
        // Refused by the CoAP layer before the board read it (4.13 over the limit), or no policy resource (4.04).
        string refusal = response.Code == CoapCode.RequestEntityTooLarge ? "too-large" : "coap-" + response.CodeText;
        return new PolicyReply("policy", signedPolicy.Length, false, "refused", refusal, response.ToString(), null, 0);
    }

    public PolicyList Policies()
    {
        CoapClientResponse response = Send(() => _client.Get("policies"));
        return response.IsSuccess
            ? Replies.Parse<PolicyList>(response.Payload, "the policy list")
            : throw new DeployException("the device answered " + response + " (a device without policies has no /policies resource)");
    }
}
