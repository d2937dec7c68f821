using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Mqtt.Packets;
using WasmBox.Nano.Mqtt.Session;

namespace WasmBox.Nano.Mqtt;

/// <summary>
/// MQTT 3.1.1 client: QoS 0 and 1, retained messages, Last Will, keep-alive and automatic reconnect
/// (subscriptions restored, unacknowledged QoS 1 messages sent again). Every method is thread-safe.
/// One session per instance: after <see cref="DisconnectAsync"/>, <see cref="Abort"/> or a loss with
/// reconnect off, create a new client.
/// </summary>
public sealed class MqttClient : IAsyncDisposable, IConnectionObserver
{
    private readonly MqttClientOptions _options;
    private readonly Lock _session = new();
    private readonly PacketIdPool _packetIds = new();
    private readonly InFlightPublishes _inFlight = new();
    private readonly PendingAcks _pendingAcks = new();
    private readonly SubscriptionRegistry _subscriptions = new();
    private readonly MessageDispatcher _dispatcher;
    private readonly ReconnectBackoff _backoff;
    private readonly CancellationTokenSource _lifetime = new();
    private MqttConnection? _connection;
    private volatile MqttConnectionState _state = MqttConnectionState.Disconnected;
    private int _started;

    public MqttClient(MqttClientOptions options)
    {
        options.Validate();
        _options = options;
        _backoff = new ReconnectBackoff(options.Reconnect, Random.Shared.NextDouble);
        _dispatcher = new MessageDispatcher(_subscriptions, ReportBackgroundError);
    }

    public event EventHandler<MqttConnectionStateChangedEventArgs>? ConnectionStateChanged;

    /// <summary>A keep-alive PINGREQ was answered.</summary>
    public event EventHandler<MqttPingCompletedEventArgs>? PingCompleted;

    public event EventHandler<MqttBackgroundErrorEventArgs>? BackgroundError;

    /// <summary>
    /// A PUBLISH was read and discarded without dropping the session: larger than
    /// <see cref="MqttClientOptions.MaxPacketSize"/>, or malformed. QoS 1 ones are acknowledged.
    /// </summary>
    public event EventHandler<MqttPublishDiscardedEventArgs>? PublishDiscarded;

    public MqttConnectionState State => _state;

    public bool IsConnected => _state == MqttConnectionState.Connected;

    public string ClientId => _options.ClientId;

    /// <summary>Connects once; a failure throws <see cref="MqttConnectException"/> and leaves the client able to try again.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _started, 1, 0) != 0)
            throw new InvalidOperationException("this client has already connected; create a new one for a new session");
        SetState(MqttConnectionState.Connecting, null);
        MqttConnection connection;
        try
        {
            connection = await MqttConnection.OpenAsync(_options, this, cancellationToken);
        }
        catch (Exception e)
        {
            SetState(MqttConnectionState.Disconnected, e);
            Volatile.Write(ref _started, 0);
            throw;
        }
        await ActivateAsync(connection);
        _ = SuperviseAsync(connection);
    }

    public Task PublishAsync(string topic, byte[] payload, MqttQos qos = MqttQos.AtMostOnce, bool retain = false, CancellationToken cancellationToken = default) =>
        PublishAsync(new MqttMessage(topic, payload, qos, retain), cancellationToken);

    /// <summary>
    /// QoS 0: sent if connected, else <see cref="MqttNotConnectedException"/>; completes once queued.
    /// QoS 1: completes when the broker's PUBACK arrives; while reconnecting the message waits and is
    /// sent after the reconnect. Cancelling stops waiting and the message is not sent again.
    /// An invalid topic or an oversized message throws <see cref="MqttProtocolException"/>.
    /// </summary>
    public Task PublishAsync(MqttMessage message, CancellationToken cancellationToken = default)
    {
        (ushort packetId, Task acknowledged) = Enqueue(message);
        return packetId == 0 ? Task.CompletedTask : AwaitPubAckAsync(packetId, acknowledged, cancellationToken);
    }

    /// <summary>
    /// Queues a message without waiting (the shape of a board's message transport): false when it is
    /// refused (invalid topic, too large, client closed) or, at QoS 0, when not connected. A QoS 1
    /// message is kept and sent again until the broker acknowledges it.
    /// </summary>
    public bool TryPublish(MqttMessage message)
    {
        try
        {
            Enqueue(message);
            return true;
        }
        catch (Exception e) when (e is MqttProtocolException or MqttNotConnectedException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Sends or queues a message; for QoS 1 its packet identifier and the PUBACK to come.</summary>
    private (ushort PacketId, Task Acknowledged) Enqueue(MqttMessage message)
    {
        ThrowIfNotStarted();
        if (message.Qos == MqttQos.AtMostOnce)
        {
            byte[] packet = Encode(new PublishPacket(message.Topic, message.Payload, message.Qos, message.Retain));
            lock (_session)
            {
                if (_connection?.Send(packet) != true)
                    throw new MqttNotConnectedException("not connected; QoS 0 messages are not queued");
            }
            return (0, Task.CompletedTask);
        }

        ushort packetId = _packetIds.Rent();
        try
        {
            byte[] packet = Encode(new PublishPacket(message.Topic, message.Payload, message.Qos, message.Retain, PacketId: packetId));
            lock (_session)
            {
                ThrowIfStopped();
                Task acknowledged = _inFlight.Add(packetId, packet);
                if (_connection?.Send(packet) == true)
                    _inFlight.MarkSent(packetId);
                return (packetId, acknowledged);
            }
        }
        catch
        {
            _packetIds.Return(packetId);
            throw;
        }
    }

    private async Task AwaitPubAckAsync(ushort packetId, Task acknowledged, CancellationToken cancellationToken)
    {
        try
        {
            await acknowledged.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (_inFlight.Forget(packetId))
                _packetIds.Return(packetId);
            throw;
        }
    }

    /// <summary>
    /// Subscribes and routes matching messages to <paramref name="handler"/> (one message at a time,
    /// in arrival order). A second subscription to the same filter replaces the handler. Returns the
    /// QoS the broker granted; a refusal throws <see cref="MqttSubscribeException"/>.
    /// </summary>
    public async Task<MqttQos> SubscribeAsync(string filter, MqttQos qos, Func<MqttMessage, Task> handler, CancellationToken cancellationToken = default)
    {
        ThrowIfNotStarted();
        ushort packetId = _packetIds.Rent();
        try
        {
            byte[] packet = Encode(new SubscribePacket(packetId, [new TopicSubscription(filter, qos)]));
            // Registered before sending: a retained message can follow the SUBACK immediately.
            SubscriptionRegistry.Subscription? previous = _subscriptions.Set(new(filter, qos, handler));
            try
            {
                SubAckPacket ack = await SendAndAwaitAsync<SubAckPacket>(packetId, packet, cancellationToken);
                if (ack.ReturnCodes.Count != 1)
                    throw new MqttProtocolException(MqttProtocolError.UnexpectedPacket, $"SUBACK has {ack.ReturnCodes.Count} return codes for 1 filter");
                return ack.ReturnCodes[0] switch
                {
                    SubscribeReturnCode.Failure => throw new MqttSubscribeException(filter),
                    SubscribeReturnCode.GrantedQos0 => MqttQos.AtMostOnce,
                    _ => MqttQos.AtLeastOnce,
                };
            }
            catch
            {
                _subscriptions.Restore(filter, previous);
                throw;
            }
        }
        finally
        {
            _packetIds.Return(packetId);
        }
    }

    public Task<MqttQos> SubscribeAsync(string filter, MqttQos qos, Action<MqttMessage> handler, CancellationToken cancellationToken = default) =>
        SubscribeAsync(filter, qos, message => { handler(message); return Task.CompletedTask; }, cancellationToken);

    /// <summary>
    /// Stops routing messages for <paramref name="filter"/> at once and tells the broker when connected
    /// (while reconnecting the filter is simply not restored).
    /// </summary>
    public async Task UnsubscribeAsync(string filter, CancellationToken cancellationToken = default)
    {
        ThrowIfNotStarted();
        ushort packetId = _packetIds.Rent();
        try
        {
            byte[] packet = Encode(new UnsubscribePacket(packetId, [filter]));
            _subscriptions.Remove(filter);
            if (IsConnected)
                await SendAndAwaitAsync<UnsubAckPacket>(packetId, packet, cancellationToken);
        }
        finally
        {
            _packetIds.Return(packetId);
        }
    }

    /// <summary>Sends DISCONNECT (so no Last Will) and ends the session; unacknowledged publishes fail.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        MqttConnection? connection = Stop();
        if (connection is not null)
            await connection.DisconnectAsync(cancellationToken);
        Finish(null);
    }

    /// <summary>
    /// Drops the connection without DISCONNECT, like a board losing power: the broker publishes the
    /// Last Will. No reconnect follows; unacknowledged publishes fail.
    /// </summary>
    public void Abort()
    {
        Stop()?.Close(null);
        Finish(null);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_lifetime.IsCancellationRequested)
            await DisconnectAsync();
    }

    void IConnectionObserver.OnPacket(MqttConnection connection, MqttPacket packet)
    {
        switch (packet)
        {
            case PublishPacket publish:
                _dispatcher.Post(new MqttMessage(publish.Topic, publish.Payload, publish.Qos, publish.Retain));
                if (publish.Qos == MqttQos.AtLeastOnce)
                    connection.Send(PacketEncoder.Encode(new PubAckPacket(publish.PacketId)));
                break;
            case DiscardedPublishPacket discarded:
                if (discarded.Qos == MqttQos.AtLeastOnce && discarded.PacketId != 0)
                    connection.Send(PacketEncoder.Encode(new PubAckPacket(discarded.PacketId)));
                Raise(PublishDiscarded, new MqttPublishDiscardedEventArgs(discarded.Topic, discarded.Size, discarded.PayloadLength, discarded.Reason), nameof(PublishDiscarded));
                break;
            case PubAckPacket pubAck:
                if (_inFlight.Acknowledge(pubAck.PacketId))
                    _packetIds.Return(pubAck.PacketId);
                break;
            case SubAckPacket subAck:
                _pendingAcks.Complete(subAck.PacketId, subAck);
                break;
            case UnsubAckPacket unsubAck:
                _pendingAcks.Complete(unsubAck.PacketId, unsubAck);
                break;
            default:
                throw new MqttProtocolException(MqttProtocolError.UnexpectedPacket, $"a broker does not send {packet.Type} to a connected client");
        }
    }

    void IConnectionObserver.OnPingCompleted(TimeSpan roundTrip) =>
        Raise(PingCompleted, new MqttPingCompletedEventArgs(roundTrip), nameof(PingCompleted));

    void IConnectionObserver.OnClosed(MqttConnection connection, Exception? reason)
    {
        lock (_session)
        {
            if (_connection == connection)
                _connection = null;
        }
        _pendingAcks.FailAll(new MqttNotConnectedException("the connection was lost before the broker answered", reason));
    }

    /// <summary>Makes a fresh connection current: restores subscriptions, resends unacknowledged messages.</summary>
    private async Task ActivateAsync(MqttConnection connection)
    {
        IReadOnlyList<TopicSubscription> subscriptions = _subscriptions.All();
        ushort resubscribeId = 0;
        Task<SubAckPacket>? resubscribed = null;
        lock (_session)
        {
            if (_lifetime.IsCancellationRequested)
            {
                connection.Close(null);
                return;
            }
            _connection = connection;
            if (subscriptions.Count > 0)
            {
                resubscribeId = _packetIds.Rent();
                resubscribed = AwaitAckAsync<SubAckPacket>(resubscribeId);
                connection.Send(PacketEncoder.Encode(new SubscribePacket(resubscribeId, subscriptions)));
            }
            // After the SUBSCRIBE, so the client's own subscriptions see its resent messages.
            var released = new List<ushort>();
            foreach (byte[] packet in _inFlight.TakeForResend(released))
                connection.Send(packet);
            released.ForEach(_packetIds.Return);
        }
        if (resubscribed is not null)
        {
            try
            {
                SubAckPacket ack = await resubscribed.WaitAsync(_options.ConnectTimeout);
                for (int i = 0; i < subscriptions.Count && i < ack.ReturnCodes.Count; i++)
                {
                    if (ack.ReturnCodes[i] == SubscribeReturnCode.Failure)
                        ReportBackgroundError("resubscribing after a reconnect", new MqttSubscribeException(subscriptions[i].Filter));
                }
            }
            catch (Exception e)
            {
                // The supervisor sees the closed connection and tries again.
                connection.Close(e is TimeoutException ? new TimeoutException("no SUBACK for the resubscription after a reconnect") : e);
                return;
            }
            finally
            {
                _packetIds.Return(resubscribeId);
            }
        }
        if (!_lifetime.IsCancellationRequested)
            SetState(MqttConnectionState.Connected, null);
    }

    /// <summary>Waits for each connection to end and replaces it, until the client is stopped.</summary>
    private async Task SuperviseAsync(MqttConnection connection)
    {
        while (true)
        {
            Exception? reason = await connection.Closed;
            if (_lifetime.IsCancellationRequested)
                return;
            if (!_options.Reconnect.Enabled)
            {
                Stop();
                Finish(reason);
                return;
            }
            SetState(MqttConnectionState.Reconnecting, reason);
            MqttConnection? next = await ReconnectAsync();
            if (next is null)
                return;
            connection = next;
            await ActivateAsync(connection);
        }
    }

    /// <summary>Tries to connect with back-off until it succeeds (the connection) or the client stops (null).</summary>
    private async Task<MqttConnection?> ReconnectAsync()
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                await Task.Delay(_backoff.DelayFor(attempt), _lifetime.Token);
                return await MqttConnection.OpenAsync(_options, this, _lifetime.Token);
            }
            catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
            {
                return null;
            }
            catch (MqttConnectException)
            {
                // Broker still away: wait longer and try again.
            }
        }
    }

    private async Task<TAck> SendAndAwaitAsync<TAck>(ushort packetId, byte[] packet, CancellationToken cancellationToken)
        where TAck : MqttPacket
    {
        Task<TAck> acknowledged = AwaitAckAsync<TAck>(packetId);
        lock (_session)
        {
            if (_connection?.Send(packet) != true)
            {
                _pendingAcks.Remove(packetId);
                throw new MqttNotConnectedException("not connected");
            }
        }
        try
        {
            return await acknowledged.WaitAsync(cancellationToken);
        }
        finally
        {
            _pendingAcks.Remove(packetId);
        }
    }

    private async Task<TAck> AwaitAckAsync<TAck>(ushort packetId) where TAck : MqttPacket
    {
        MqttPacket ack = await _pendingAcks.Register(packetId);
        return ack as TAck ?? throw new MqttProtocolException(MqttProtocolError.UnexpectedPacket, $"packet {packetId} was answered with {ack.Type} instead of {typeof(TAck).Name}");
    }

    private byte[] Encode(MqttPacket packet)
    {
        byte[] bytes = PacketEncoder.Encode(packet);
        if (bytes.Length > _options.MaxPacketSize)
            throw new MqttProtocolException(MqttProtocolError.PacketTooLarge, $"{packet.Type} of {bytes.Length} bytes exceeds the limit of {_options.MaxPacketSize}");
        return bytes;
    }

    /// <summary>Marks the session over and takes its connection; null when already stopped.</summary>
    private MqttConnection? Stop()
    {
        lock (_session)
        {
            if (_lifetime.IsCancellationRequested)
                return null;
            _lifetime.Cancel();
            MqttConnection? connection = _connection;
            _connection = null;
            return connection;
        }
    }

    /// <summary>Ends the session after <see cref="Stop"/>: waiting publishers and requests fail.</summary>
    private void Finish(Exception? reason)
    {
        var failure = new MqttNotConnectedException("the client disconnected before the broker acknowledged", reason);
        foreach (ushort packetId in _inFlight.FailAll(failure))
            _packetIds.Return(packetId);
        _pendingAcks.FailAll(failure);
        _dispatcher.Complete();
        if (_state != MqttConnectionState.Disconnected)
            SetState(MqttConnectionState.Disconnected, reason);
    }

    private void ThrowIfNotStarted()
    {
        if (Volatile.Read(ref _started) == 0)
            throw new MqttNotConnectedException("call ConnectAsync first");
        ThrowIfStopped();
    }

    private void ThrowIfStopped()
    {
        if (_lifetime.IsCancellationRequested)
            throw new MqttNotConnectedException("the client has disconnected; create a new one");
    }

    private void SetState(MqttConnectionState state, Exception? reason)
    {
        _state = state;
        Raise(ConnectionStateChanged, new MqttConnectionStateChangedEventArgs(state, reason), nameof(ConnectionStateChanged));
    }

    private void Raise<TArgs>(EventHandler<TArgs>? handler, TArgs args, string eventName)
    {
        try
        {
            handler?.Invoke(this, args);
        }
        catch (Exception e)
        {
            ReportBackgroundError($"{eventName} event handler", e);
        }
    }

    private void ReportBackgroundError(string context, Exception error)
    {
        try
        {
            BackgroundError?.Invoke(this, new MqttBackgroundErrorEventArgs(context, error));
        }
        catch
        {
            // A failing error handler has nowhere left to report to.
        }
    }
}
