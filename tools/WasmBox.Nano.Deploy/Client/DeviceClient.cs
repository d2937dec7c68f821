using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Protocol;

namespace WasmBox.Nano.Deploy.Client;

/// <summary>One device's answer to a deployment, or none within the timeout.</summary>
public sealed record DeployOutcome(string DeviceId, UpdateReply? Reply, TimeSpan Elapsed)
{
    public bool TimedOut => Reply is null;

    public bool Ok => Reply?.Ok == true;

    public override string ToString() => DeviceId + ": " + (Reply?.ToString() ?? "no answer (timed out)");
}

/// <summary>A message from a device's telemetry, events or state topic.</summary>
public sealed record DeviceMessage(string DeviceId, string Channel, byte[] Payload, bool Retained)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Payload);
}

/// <summary>
/// The operator's side of the MQTT deployment protocol, what `wbx` runs: deploy a bundle to
/// devices and wait for each result, send signed commands, invoke, read the retained state,
/// watch telemetry and events, challenge attestation. One request at a time per client.
/// </summary>
public sealed partial class DeviceClient : IAsyncDisposable
{
    /// <summary>Deploy publishes in flight at once.</summary>
    private const int PublishWindow = 32;

    private readonly MqttSession _client;

    private DeviceClient(MqttSession client) => _client = client;

    /// <summary>Connects to the broker; a failure is a <see cref="DeployException"/> that says what to check.</summary>
    public static async Task<DeviceClient> ConnectAsync(MqttEndpoint broker, CancellationToken cancellationToken = default)
    {
        var client = new MqttSession(new MqttSessionOptions
        {
            Endpoint = broker,
            ClientId = "wbx-cli-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
        });
        try
        {
            await client.ConnectAsync(cancellationToken);
        }
        catch (MqttConnectException e)
        {
            throw new DeployException(e.Message, e);
        }
        return new DeviceClient(client);
    }

    /// <summary>
    /// Publishes the bundle to every device's deploy topic (QoS 1) and waits up to
    /// <paramref name="timeout"/> for each result; <paramref name="progress"/> hears each as it
    /// arrives. Devices that do not answer in time have a null reply.
    /// </summary>
    public async Task<IReadOnlyList<DeployOutcome>> DeployAsync(byte[] bundle, IReadOnlyList<string> deviceIds, TimeSpan timeout,
        Action<DeployOutcome>? progress = null, CancellationToken cancellationToken = default)
    {
        var topics = deviceIds.Select(id => new DeviceTopics(id)).ToArray();
        var pending = new ConcurrentDictionary<string, TaskCompletionSource<DeployOutcome>>(StringComparer.Ordinal);
        foreach (string id in deviceIds)
            pending[id] = new TaskCompletionSource<DeployOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        string filter = DeviceTopics.Root + "+/deploy/result";
        await _client.SubscribeAsync(filter, MqttQos.AtLeastOnce, message =>
        {
            string id = DeviceIdOf(message.Topic);
            if (!pending.TryGetValue(id, out var waiter))
                return;
            UpdateReply reply = Replies.Parse<UpdateReply>(message.Payload, "the result from " + id);
            // A result for another request (another operator, an earlier command) is not ours.
            if (reply.Op != "deploy" || reply.Bytes != bundle.Length)
                return;
            var outcome = new DeployOutcome(id, reply, clock.Elapsed);
            if (waiter.TrySetResult(outcome))
                progress?.Invoke(outcome);
        }, cancellationToken);
        try
        {
            // A window of publishes in flight, not all at once: a 10,000-board fleet's results start
            // arriving while bundles are still going out, and the broker drops what queues up for a
            // client that does not acknowledge (and may drop the client when pings wait behind it).
            await Parallel.ForEachAsync(topics, new ParallelOptions { MaxDegreeOfParallelism = PublishWindow, CancellationToken = cancellationToken },
                async (t, token) => await _client.PublishAsync(t.Deploy, bundle, MqttQos.AtLeastOnce, false, token));
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            using (deadline.Token.Register(() =>
            {
                foreach (var (id, waiter) in pending)
                {
                    if (waiter.TrySetResult(new DeployOutcome(id, null, clock.Elapsed)))
                        progress?.Invoke(waiter.Task.Result);
                }
            }))
            {
                var outcomes = await Task.WhenAll(deviceIds.Select(id => pending[id].Task));
                cancellationToken.ThrowIfCancellationRequested();
                return outcomes;
            }
        }
        finally
        {
            await UnsubscribeQuietlyAsync(filter);
        }
    }

    /// <summary>Sends a signed remove or rollback command and waits for its result; null on timeout.</summary>
    public Task<UpdateReply?> SendCommandAsync(string deviceId, UpdateOperation operation, byte[] signedCommand, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var topics = new DeviceTopics(deviceId);
        string topic = operation == UpdateOperation.Remove ? topics.Remove : topics.Rollback;
        string op = ProtocolNames.Of(operation);
        return RequestAsync(topics.Result, topic, signedCommand, timeout, payload =>
        {
            UpdateReply reply = Replies.Parse<UpdateReply>(payload, "the result from " + deviceId);
            return reply.Op == op && reply.Bytes == signedCommand.Length ? reply : null;
        }, cancellationToken);
    }

    /// <summary>Runs tenant/slot once with the payload; null on timeout.</summary>
    public Task<InvokeReply?> InvokeAsync(string deviceId, string tenant, int slot, byte[] payload, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var topics = new DeviceTopics(deviceId);
        return RequestAsync(topics.InvokeResult(tenant, slot), topics.Invoke(tenant, slot), payload, timeout,
            reply => Replies.Parse<InvokeReply>(reply, "the invocation result from " + deviceId), cancellationToken);
    }

    /// <summary>Sends an attestation challenge; the raw report (or the device's JSON refusal), null on timeout.</summary>
    public Task<byte[]?> AttestAsync(string deviceId, byte[] nonce, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var topics = new DeviceTopics(deviceId);
        return RequestAsync(topics.AttestReport, topics.AttestRequest, nonce, timeout, payload => payload, cancellationToken);
    }

    /// <summary>The device's retained state; null when the broker holds none (the device never connected).</summary>
    public async Task<DeviceState?> GetStateAsync(string deviceId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var topics = new DeviceTopics(deviceId);
        var state = new TaskCompletionSource<DeviceState?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _client.SubscribeAsync(topics.State, MqttQos.AtLeastOnce,
            message => state.TrySetResult(Replies.Parse<DeviceState>(message.Payload, "the state of " + deviceId)), cancellationToken);
        try
        {
            // A retained message follows the SUBACK at once; a short wait tells "none retained" apart.
            return await state.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            await UnsubscribeQuietlyAsync(topics.State);
        }
    }

    /// <summary>
    /// Hands every telemetry, event, state and tenant log message of the device (or of every device for "+")
    /// to <paramref name="onMessage"/> until cancelled.
    /// </summary>
    public async Task WatchAsync(string deviceId, Action<DeviceMessage> onMessage, CancellationToken cancellationToken)
    {
        if (deviceId != "+")
            _ = new DeviceTopics(deviceId);
        string[] channels = ["telemetry", "events", "state", "log"];
        foreach (string channel in channels)
        {
            await _client.SubscribeAsync(DeviceTopics.Root + deviceId + "/" + channel, MqttQos.AtLeastOnce,
                message => onMessage(new DeviceMessage(DeviceIdOf(message.Topic), channel, message.Payload, message.Retain)), cancellationToken);
        }
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Watching ends when the caller cancels.
        }
        foreach (string channel in channels)
            await UnsubscribeQuietlyAsync(DeviceTopics.Root + deviceId + "/" + channel);
    }

    /// <summary>
    /// Hands every line the tenants' functions print on the device (or every device for "+") to
    /// <paramref name="onLine"/>, only <paramref name="tenant"/>'s when given, until the returned
    /// subscription is disposed. Subscribed when the task completes: await it before deploying.
    /// </summary>
    public async Task<IAsyncDisposable> SubscribeLogsAsync(string deviceId, string? tenant, Action<TenantLogMessage> onLine,
        CancellationToken cancellationToken)
    {
        if (deviceId != "+")
            _ = new DeviceTopics(deviceId);
        string filter = DeviceTopics.Root + deviceId + "/log";
        await _client.SubscribeAsync(filter, MqttQos.AtMostOnce, message =>
        {
            TenantLogMessage line;
            try
            {
                line = Replies.Parse<TenantLogMessage>(message.Payload, "a log line from " + DeviceIdOf(message.Topic));
            }
            catch (DeployException)
            {
                return; // anyone may publish on the topic: what is not a log line is not shown
            }
            if (tenant is null || line.Tenant == tenant)
                onLine(line);
        }, cancellationToken);
        return new Unsubscriber(() => UnsubscribeQuietlyAsync(filter));
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
    }

    /// <summary>Subscribes to the reply topic, publishes the request, returns the first reply <paramref name="match"/> accepts.</summary>
    private async Task<T?> RequestAsync<T>(string replyTopic, string requestTopic, byte[] payload, TimeSpan timeout,
        Func<byte[], T?> match, CancellationToken cancellationToken) where T : class
    {
        var reply = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _client.SubscribeAsync(replyTopic, MqttQos.AtLeastOnce, message =>
        {
            try
            {
                if (match(message.Payload) is T accepted)
                    reply.TrySetResult(accepted);
            }
            catch (DeployException e)
            {
                reply.TrySetException(e);
            }
        }, cancellationToken);
        try
        {
            await _client.PublishAsync(requestTopic, payload, MqttQos.AtLeastOnce, false, cancellationToken);
            return await reply.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            await UnsubscribeQuietlyAsync(replyTopic);
        }
    }

    private async Task UnsubscribeQuietlyAsync(string filter)
    {
        try
        {
            await _client.UnsubscribeAsync(filter).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is TimeoutException or MqttNotConnectedException or InvalidOperationException)
        {
            // The subscription dies with the connection anyway.
        }
    }

    private sealed class Unsubscriber(Func<Task> unsubscribe) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await unsubscribe();
    }

    /// <summary>"wbx/{id}/..." → id.</summary>
    private static string DeviceIdOf(string topic)
    {
        int start = DeviceTopics.Root.Length;
        int end = topic.IndexOf('/', start);
        return end < 0 ? topic[start..] : topic[start..end];
    }
}
