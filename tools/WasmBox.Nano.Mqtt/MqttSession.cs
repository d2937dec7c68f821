using System.Buffers;
using System.Collections.Concurrent;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;

namespace WasmBox.Nano.Mqtt;

/// <summary>
/// One MQTT 3.1.1 client session on MQTTnet, shaped for the host's uses: every publish, subscribe
/// and unsubscribe goes through one ordered outbox (so a message published after a subscribe
/// reaches the broker after it), received messages are handed to the matching handlers one at a
/// time in arrival order, and a lost connection is re-established with back-off (subscriptions
/// restored, QoS 1 messages not yet acknowledged sent again). Thread-safe. One session per
/// instance: after <see cref="DisconnectAsync"/> or <see cref="Abort"/>, create a new one.
/// </summary>
public sealed class MqttSession : IAsyncDisposable
{
    private readonly MqttSessionOptions _options;
    private readonly IMqttClient _client;
    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Channel<Operation> _outbox = Channel.CreateUnbounded<Operation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<MqttMessage> _inbox = Channel.CreateUnbounded<MqttMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _lifetime = new();
    private MqttClientOptions? _clientOptions;
    private TaskCompletionSource _online = NewSignal();
    private volatile MqttConnectionState _state = MqttConnectionState.Disconnected;
    private int _started;
    private int _queued;
    private Task _sendLoop = Task.CompletedTask;

    public MqttSession(MqttSessionOptions options)
    {
        _options = options;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    public event EventHandler<MqttConnectionStateChangedEventArgs>? ConnectionStateChanged;

    /// <summary>A message handler or a state-change handler threw; nobody else would hear of it.</summary>
    public event Action<string, Exception>? BackgroundError;

    public MqttConnectionState State => _state;

    public bool IsConnected => _state == MqttConnectionState.Connected;

    public MqttEndpoint Endpoint => _options.Endpoint;

    /// <summary>Connects once; a failure is an <see cref="MqttConnectException"/> that says what to check, and the session may try again.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _started, 1, 0) != 0)
            throw new InvalidOperationException("this session has already connected; create a new one");
        SetState(MqttConnectionState.Connecting, null);
        try
        {
            _clientOptions ??= ClientSettings.Build(_options);
            MqttClientConnectResult result = await _client.ConnectAsync(_clientOptions, cancellationToken);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
                throw ClientSettings.Refused(_options.Endpoint, result.ResultCode);
        }
        catch (Exception e)
        {
            SetState(MqttConnectionState.Disconnected, e);
            Volatile.Write(ref _started, 0);
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
                throw;
            throw ClientSettings.Explain(_options.Endpoint, e);
        }
        _sendLoop = Task.Run(SendLoopAsync);
        _ = Task.Run(DispatchLoopAsync);
        GoOnline();
    }

    /// <summary>
    /// Publishes and waits for the broker's PUBACK (QoS 1) or the send (QoS 0). When connected with
    /// nothing queued the message goes out at once, so many concurrent calls (a fleet deploy) are
    /// pipelined rather than sent one round trip at a time; otherwise it waits its turn in the outbox
    /// (QoS 1 also waits out a reconnect).
    /// </summary>
    public async Task PublishAsync(string topic, byte[] payload, MqttQos qos = MqttQos.AtMostOnce, bool retain = false,
        CancellationToken cancellationToken = default)
    {
        var message = new MqttMessage(topic, payload, qos, retain);
        if (IsConnected && Volatile.Read(ref _queued) == 0)
        {
            try
            {
                await _client.PublishAsync(ToApplicationMessage(message), cancellationToken);
                return;
            }
            catch (Exception) when (qos == MqttQos.AtLeastOnce && !_client.IsConnected && !_lifetime.IsCancellationRequested)
            {
                // Lost mid-way: queue it for after the reconnect.
            }
        }
        await EnqueueAsync(new Publish(message), cancellationToken);
    }

    /// <summary>
    /// Queues a message without waiting (the shape of a board's message transport): false when the
    /// session is closed or, at QoS 0, not connected. A QoS 1 message waits out a reconnect.
    /// </summary>
    public bool TryPublish(MqttMessage message)
    {
        if (_lifetime.IsCancellationRequested || Volatile.Read(ref _started) == 0)
            return false;
        if (message.Qos == MqttQos.AtMostOnce && !IsConnected)
            return false;
        var publish = new Publish(message);
        _ = publish.Done.Task.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        return Queue(publish);
    }

    /// <summary>
    /// Subscribes and routes matching messages to <paramref name="handler"/> (one message at a time,
    /// in arrival order). A second subscription to the same filter replaces the handler. A refusal is
    /// an <see cref="MqttSubscribeException"/>.
    /// </summary>
    public Task SubscribeAsync(string filter, MqttQos qos, Action<MqttMessage> handler, CancellationToken cancellationToken = default)
    {
        // Registered before sending: a retained message can follow the SUBACK immediately.
        var subscription = new Subscription(filter, qos, handler);
        _subscriptions[filter] = subscription;
        Task done = EnqueueAsync(new Subscribe(subscription), cancellationToken);
        _ = done.ContinueWith(_ => _subscriptions.TryRemove(new KeyValuePair<string, Subscription>(filter, subscription)),
            TaskContinuationOptions.NotOnRanToCompletion);
        return done;
    }

    /// <summary>Completes once everything queued before it (publishes, subscriptions) has reached the broker and been acknowledged.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => EnqueueAsync(new Flush(), cancellationToken);

    /// <summary>Stops routing messages for <paramref name="filter"/> at once and tells the broker when connected.</summary>
    public Task UnsubscribeAsync(string filter, CancellationToken cancellationToken = default)
    {
        _subscriptions.TryRemove(filter, out _);
        return EnqueueAsync(new Unsubscribe(filter), cancellationToken);
    }

    /// <summary>
    /// Sends what is queued (waiting at most the timeout), then DISCONNECT (so no Last Will), and
    /// ends the session; operations still queued then fail.
    /// </summary>
    public async Task DisconnectAsync()
    {
        if (IsConnected && _outbox.Writer.TryComplete())
        {
            try
            {
                await _sendLoop.WaitAsync(_options.Timeout);
            }
            catch (TimeoutException)
            {
                // Whatever is left fails below.
            }
        }
        if (!Stop())
            return;
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder()
                    .WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build()).WaitAsync(_options.Timeout);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The connection is going either way.
        }
        Finish();
    }

    /// <summary>
    /// Drops the connection without DISCONNECT, like a board losing power: the broker publishes the
    /// Last Will. No reconnect follows; queued operations fail.
    /// </summary>
    public void Abort()
    {
        if (!Stop())
            return;
        Finish();
    }

    public async ValueTask DisposeAsync() => await DisconnectAsync();

    private Task EnqueueAsync(Operation operation, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _started) == 0)
            throw new MqttNotConnectedException("not connected; call ConnectAsync first");
        if (_lifetime.IsCancellationRequested || !Queue(operation))
            throw new MqttNotConnectedException("the MQTT session is closed");
        return operation.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends the outbox in order; while the connection is away, waits for it (QoS 0 publishes fail at once).</summary>
    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (Operation operation in _outbox.Reader.ReadAllAsync(_lifetime.Token))
            {
                using var dequeued = new Dequeued(this);
                while (true)
                {
                    if (!IsConnected)
                    {
                        if (operation is Publish { Message.Qos: MqttQos.AtMostOnce } or Subscribe)
                        {
                            operation.Done.TrySetException(new MqttNotConnectedException("not connected to " + _options.Endpoint));
                            break;
                        }
                        if (operation is Unsubscribe)
                        {
                            operation.Done.TrySetResult(); // the filter is not restored after the reconnect
                            break;
                        }
                        await _online.Task.WaitAsync(_lifetime.Token);
                        continue;
                    }
                    try
                    {
                        await ExecuteAsync(operation);
                        operation.Done.TrySetResult();
                        break;
                    }
                    catch (Exception e) when (e is not MqttSubscribeException && !_client.IsConnected && !_lifetime.IsCancellationRequested)
                    {
                        // Lost mid-way: try again once the connection is back.
                    }
                    catch (Exception e)
                    {
                        operation.Done.TrySetException(e);
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: Finish fails whatever is left.
        }
    }

    private async Task ExecuteAsync(Operation operation)
    {
        switch (operation)
        {
            case Publish { Message: var m }:
                await _client.PublishAsync(ToApplicationMessage(m), _lifetime.Token);
                break;
            case Subscribe { Subscription: var s }:
                await SubscribeAllAsync([s]);
                break;
            case Unsubscribe { Filter: var filter }:
                await _client.UnsubscribeAsync(new MqttClientUnsubscribeOptionsBuilder().WithTopicFilter(filter).Build(), _lifetime.Token);
                break;
        }
    }

    private static MqttApplicationMessage ToApplicationMessage(MqttMessage m) => new MqttApplicationMessageBuilder()
        .WithTopic(m.Topic).WithPayload(m.Payload).WithRetainFlag(m.Retain)
        .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)m.Qos).Build();

    private async Task SubscribeAllAsync(IReadOnlyList<Subscription> subscriptions)
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (Subscription s in subscriptions)
            builder.WithTopicFilter(s.Filter, (MqttQualityOfServiceLevel)s.Qos);
        MqttClientSubscribeResult result = await _client.SubscribeAsync(builder.Build(), _lifetime.Token);
        foreach (MqttClientSubscribeResultItem item in result.Items)
        {
            if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
                throw new MqttSubscribeException(item.TopicFilter.Topic, item.ResultCode == MqttClientSubscribeResultCode.UnspecifiedError
                    ? "refused; a broker's access control refuses this way" : item.ResultCode.ToString());
        }
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        MqttApplicationMessage m = e.ApplicationMessage;
        _inbox.Writer.TryWrite(new MqttMessage(m.Topic, m.Payload.ToArray(),
            m.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce ? MqttQos.AtMostOnce : MqttQos.AtLeastOnce, m.Retain));
        return Task.CompletedTask;
    }

    private async Task DispatchLoopAsync()
    {
        await foreach (MqttMessage message in _inbox.Reader.ReadAllAsync())
        {
            foreach (Subscription s in _subscriptions.Values)
            {
                if (MqttTopicFilterComparer.Compare(message.Topic, s.Filter) != MqttTopicFilterCompareResult.IsMatch)
                    continue;
                try
                {
                    s.Handler(message);
                }
                catch (Exception e)
                {
                    ReportBackgroundError("the handler of " + s.Filter, e);
                }
            }
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (!e.ClientWasConnected || _lifetime.IsCancellationRequested || Volatile.Read(ref _started) == 0)
            return Task.CompletedTask;
        GoOffline();
        if (!_options.Reconnect)
        {
            Stop();
            Finish(e.Exception);
            return Task.CompletedTask;
        }
        SetState(MqttConnectionState.Reconnecting, e.Exception ?? new MqttNotConnectedException("the broker closed the connection (" + e.Reason + ")"));
        _ = Task.Run(ReconnectAsync);
        return Task.CompletedTask;
    }

    /// <summary>Connects again with back-off until it works or the session stops; then restores the subscriptions.</summary>
    private async Task ReconnectAsync()
    {
        var backoff = new Backoff(_options.ReconnectDelay, _options.MaxReconnectDelay);
        while (!_lifetime.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(backoff.Next(), _lifetime.Token);
                MqttClientConnectResult result = await _client.ConnectAsync(_clientOptions!, _lifetime.Token);
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                    throw ClientSettings.Refused(_options.Endpoint, result.ResultCode);
                Subscription[] all = [.. _subscriptions.Values];
                if (all.Length > 0)
                    await SubscribeAllAsync(all);
                GoOnline();
                return;
            }
            catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (e is MqttSubscribeException)
                    ReportBackgroundError("resubscribing after a reconnect", e);
                if (_client.IsConnected)
                {
                    GoOnline();
                    return;
                }
            }
        }
    }

    private void GoOnline()
    {
        if (_lifetime.IsCancellationRequested)
            return;
        SetState(MqttConnectionState.Connected, null);
        _online.TrySetResult();
    }

    private void GoOffline()
    {
        if (_online.Task.IsCompleted)
            Interlocked.Exchange(ref _online, NewSignal());
    }

    /// <summary>Marks the session over; false when it already was.</summary>
    private bool Stop()
    {
        lock (_lifetime)
        {
            if (_lifetime.IsCancellationRequested)
                return false;
            _lifetime.Cancel();
            return true;
        }
    }

    /// <summary>Ends the session after <see cref="Stop"/>: the socket goes, waiting operations fail.</summary>
    private void Finish(Exception? reason = null)
    {
        _client.Dispose();
        _outbox.Writer.TryComplete();
        var failure = new MqttNotConnectedException("the MQTT session ended before the broker acknowledged", reason);
        while (_outbox.Reader.TryRead(out Operation? left))
            left.Done.TrySetException(failure);
        _inbox.Writer.TryComplete();
        if (_state != MqttConnectionState.Disconnected)
            SetState(MqttConnectionState.Disconnected, reason);
    }

    private void SetState(MqttConnectionState state, Exception? reason)
    {
        _state = state;
        try
        {
            ConnectionStateChanged?.Invoke(this, new MqttConnectionStateChangedEventArgs(state, reason));
        }
        catch (Exception e)
        {
            ReportBackgroundError("a connection state handler", e);
        }
    }

    private void ReportBackgroundError(string context, Exception error)
    {
        try
        {
            BackgroundError?.Invoke(context, error);
        }
        catch
        {
            // A failing error handler has nowhere left to report to.
        }
    }

    private bool Queue(Operation operation)
    {
        Interlocked.Increment(ref _queued);
        if (_outbox.Writer.TryWrite(operation))
            return true;
        Interlocked.Decrement(ref _queued);
        return false;
    }

    /// <summary>Counts an operation out of the outbox once it is done with.</summary>
    private readonly struct Dequeued(MqttSession session) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref session._queued);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Subscription(string Filter, MqttQos Qos, Action<MqttMessage> Handler);

    private abstract record Operation
    {
        public TaskCompletionSource Done { get; } = NewSignal();
    }

    private sealed record Publish(MqttMessage Message) : Operation;

    private sealed record Subscribe(Subscription Subscription) : Operation;

    private sealed record Unsubscribe(string Filter) : Operation;

    private sealed record Flush : Operation;
}
