using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Protocol;
using WasmBox.Nano.Protocol.Policies;

namespace WasmBox.Nano.Deploy.Client;

/// <summary>The board owner's side of the policy channel: send a signed policy or removal, read the installed list.</summary>
public sealed partial class DeviceClient
{
    /// <summary>Sends a signed policy (or removal) and waits for its result; null on timeout.</summary>
    public Task<PolicyReply?> DeployPolicyAsync(string deviceId, byte[] signedPolicy, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var topics = new PolicyTopics(new DeviceTopics(deviceId));
        return RequestAsync(topics.Result, topics.Deploy, signedPolicy, timeout, payload =>
        {
            PolicyReply reply = Replies.Parse<PolicyReply>(payload, "the policy result from " + deviceId);
            // Another operator's answer on the shared topic is not ours.
            return reply.Op == "policy" && reply.Bytes == signedPolicy.Length ? reply : null;
        }, cancellationToken);
    }

    /// <summary>The device's retained policy list; null when the broker holds none (the device never offered policies).</summary>
    public async Task<PolicyList?> GetPoliciesAsync(string deviceId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        string topic = new PolicyTopics(new DeviceTopics(deviceId)).Installed;
        var list = new TaskCompletionSource<PolicyList?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _client.SubscribeAsync(topic, MqttQos.AtLeastOnce,
            message => list.TrySetResult(Replies.Parse<PolicyList>(message.Payload, "the policy list of " + deviceId)), cancellationToken);
        try
        {
            // A retained message follows the SUBACK at once; a short wait tells "none retained" apart.
            return await list.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            await UnsubscribeQuietlyAsync(topic);
        }
    }
}
