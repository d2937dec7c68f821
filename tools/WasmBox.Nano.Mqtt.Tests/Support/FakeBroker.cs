using System.Net;
using System.Net.Sockets;
using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Mqtt.Packets;
using WasmBox.Nano.Mqtt.Session;

namespace WasmBox.Nano.Mqtt.Tests.Support;

/// <summary>
/// A scripted broker on 127.0.0.1 for the misbehaviours a real broker will not show: refusals,
/// silence, malformed packets, dropped acknowledgements.
/// </summary>
internal sealed class FakeBroker : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public FakeBroker() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public MqttClientOptions Options(string clientId, TimeSpan? keepAlive = null, bool reconnect = false) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        ClientId = clientId,
        KeepAlive = keepAlive ?? TimeSpan.Zero,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        Reconnect = reconnect
            ? new MqttReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) }
            : MqttReconnectPolicy.Disabled,
    };

    /// <summary>Accepts the next client and reads its CONNECT.</summary>
    public async Task<Peer> AcceptAsync()
    {
        Socket socket = await _listener.AcceptSocketAsync().WaitAsync(Wait.Timeout);
        var peer = new Peer(socket);
        Assert.IsType<ConnectPacket>(await peer.ReadAsync());
        return peer;
    }

    public void Dispose() => _listener.Stop();

    public sealed class Peer(Socket socket) : IDisposable
    {
        private readonly NetworkStream _stream = new(socket, ownsSocket: true);
        private readonly MqttPacketReader _reader = new(new NetworkStream(socket, ownsSocket: false), int.MaxValue);

        public Task SendAsync(MqttPacket packet) => SendAsync(PacketEncoder.Encode(packet));

        public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

        public Task AcceptConnectionAsync() => SendAsync(new ConnAckPacket(false, ConnectReturnCode.Accepted));

        /// <summary>The client's next packet, or null when it closed the connection.</summary>
        public async Task<MqttPacket?> ReadAsync() => await _reader.ReadAsync(default).AsTask().WaitAsync(Wait.Timeout);

        public async Task<T> ReadAsync<T>() where T : MqttPacket => Assert.IsType<T>(await ReadAsync());

        public void Dispose() => _stream.Dispose();
    }
}
