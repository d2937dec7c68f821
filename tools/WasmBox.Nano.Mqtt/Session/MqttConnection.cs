using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;
using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Mqtt.Packets;

namespace WasmBox.Nano.Mqtt.Session;

/// <summary>
/// One TCP connection to a broker, from CONNECT/CONNACK to close: a read loop that decodes packets,
/// a write loop that sends queued packets in order, and the keep-alive monitor. It never reconnects;
/// <see cref="MqttClient"/> replaces it when it closes.
/// </summary>
internal sealed class MqttConnection
{
    public static readonly byte[] PingRequest = PacketEncoder.Encode(PingReqPacket.Instance);
    private static readonly byte[] Disconnect = PacketEncoder.Encode(DisconnectPacket.Instance);
    private static readonly TimeSpan DisconnectFlushTimeout = TimeSpan.FromSeconds(5);

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly MqttPacketReader _reader;
    private readonly IConnectionObserver _observer;
    private readonly KeepAliveMonitor? _keepAlive;
    private readonly Channel<byte[]> _outgoing = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _writeLoop = Task.CompletedTask;
    private long _lastSent = Stopwatch.GetTimestamp();
    private long _lastReceived = Stopwatch.GetTimestamp();
    private int _closing;

    private MqttConnection(Socket socket, NetworkStream stream, MqttPacketReader reader, IConnectionObserver observer, TimeSpan keepAlive)
    {
        _socket = socket;
        _stream = stream;
        _reader = reader;
        _observer = observer;
        if (keepAlive > TimeSpan.Zero)
            _keepAlive = new KeepAliveMonitor(keepAlive, this);
    }

    /// <summary>Completes with the close reason (null when closed on purpose).</summary>
    public Task<Exception?> Closed => _closed.Task;

    /// <summary>How long since the last packet went out or came in, whichever is older.</summary>
    public TimeSpan Quiet => Stopwatch.GetElapsedTime(Math.Min(Interlocked.Read(ref _lastSent), Interlocked.Read(ref _lastReceived)));

    /// <summary>Connects, sends CONNECT and waits for an accepting CONNACK.</summary>
    /// <exception cref="MqttConnectException">Unreachable broker, refusal, or no CONNACK in time.</exception>
    public static async Task<MqttConnection> OpenAsync(MqttClientOptions options, IConnectionObserver observer, CancellationToken cancellationToken)
    {
        string broker = $"{options.Host}:{options.Port}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token);
            var stream = new NetworkStream(socket, ownsSocket: false);
            var reader = new MqttPacketReader(new BufferedStream(stream), options.MaxPacketSize);
            await stream.WriteAsync(PacketEncoder.Encode(options.ToConnectPacket()), timeout.Token);
            MqttPacket? reply = await reader.ReadAsync(timeout.Token);
            if (reply is not ConnAckPacket connAck)
                throw new MqttConnectException($"{broker} answered CONNECT with {reply?.Type.ToString() ?? "a closed connection"} instead of CONNACK");
            if (connAck.ReturnCode != ConnectReturnCode.Accepted)
                throw new MqttConnectException($"{broker} refused the connection: {connAck.ReturnCode}", connAck.ReturnCode);
            var connection = new MqttConnection(socket, stream, reader, observer, options.KeepAlive);
            connection.Start();
            return connection;
        }
        catch (Exception e)
        {
            socket.Dispose();
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
                throw;
            throw e switch
            {
                MqttConnectException => e,
                OperationCanceledException => new MqttConnectException($"no CONNACK from {broker} within {options.ConnectTimeout.TotalSeconds:0.###} s", inner: e),
                _ => new MqttConnectException($"cannot connect to {broker}: {e.Message}", inner: e),
            };
        }
    }

    /// <summary>Queues an encoded packet; false once the connection is closing.</summary>
    public bool Send(byte[] packet) => _outgoing.Writer.TryWrite(packet);

    /// <summary>Sends DISCONNECT, lets the queue drain, and closes.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (Send(Disconnect))
        {
            _outgoing.Writer.TryComplete();
            try
            {
                await _writeLoop.WaitAsync(DisconnectFlushTimeout, cancellationToken);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                // Closing anyway; the broker treats it as a lost connection.
            }
        }
        Close(null);
    }

    /// <summary>Drops the connection at once (no DISCONNECT); the first reason given wins.</summary>
    public void Close(Exception? reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
            return;
        _stop.Cancel();
        _outgoing.Writer.TryComplete();
        _socket.Dispose();
        _observer.OnClosed(this, reason);
        _closed.TrySetResult(reason);
    }

    private void Start()
    {
        _writeLoop = Task.Run(WriteLoopAsync);
        _ = Task.Run(ReadLoopAsync);
        if (_keepAlive is not null)
            _ = Task.Run(() => _keepAlive.RunAsync(_stop.Token));
    }

    private async Task WriteLoopAsync()
    {
        ChannelReader<byte[]> queue = _outgoing.Reader;
        try
        {
            while (await queue.WaitToReadAsync(_stop.Token))
            {
                while (queue.TryRead(out byte[]? packet))
                {
                    await _stream.WriteAsync(packet, _stop.Token);
                    Interlocked.Exchange(ref _lastSent, Stopwatch.GetTimestamp());
                }
            }
        }
        catch (Exception e) when (!_stop.IsCancellationRequested)
        {
            Close(new IOException($"sending to the broker failed: {e.Message}", e));
        }
        catch (Exception)
        {
            // Closed while writing: the reason is already recorded.
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                MqttPacket? packet = await _reader.ReadAsync(_stop.Token);
                if (packet is null)
                {
                    Close(new IOException("the broker closed the connection"));
                    return;
                }
                Interlocked.Exchange(ref _lastReceived, Stopwatch.GetTimestamp());
                if (packet is PingRespPacket)
                {
                    if (_keepAlive?.OnPingResponse() is TimeSpan roundTrip)
                        _observer.OnPingCompleted(roundTrip);
                    continue;
                }
                _observer.OnPacket(this, packet);
            }
        }
        catch (MqttProtocolException e)
        {
            Close(e);
        }
        catch (Exception e) when (!_stop.IsCancellationRequested)
        {
            Close(new IOException($"receiving from the broker failed: {e.Message}", e));
        }
        catch (Exception)
        {
            // Closed while reading: the reason is already recorded.
        }
    }
}
