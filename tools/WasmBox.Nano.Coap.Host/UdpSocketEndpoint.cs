using System.Net;
using System.Net.Sockets;

namespace WasmBox.Nano.Coap.Host;

/// <summary>
/// <see cref="IUdpEndpoint"/> over a bound System.Net.Sockets UDP socket. Remotes are
/// <see cref="IPEndPoint"/>s, which compare by address and port as the server's caches need.
/// </summary>
public sealed class UdpSocketEndpoint : IUdpEndpoint, IDisposable
{
    // Large enough for any UDP datagram, so an oversized one is seen whole and reported as such.
    const int MaxDatagram = 65535;
    readonly Socket _socket;
    readonly byte[] _scratch = new byte[MaxDatagram];

    public UdpSocketEndpoint(IPEndPoint local)
    {
        _socket = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Bind(local);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <summary>Where the socket is bound (the real port when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint { get; }

    public int Receive(byte[] buffer, int timeoutMilliseconds, out object remote)
    {
        remote = null!;
        if (!_socket.Poll(TimeSpan.FromMilliseconds(timeoutMilliseconds), SelectMode.SelectRead)) return 0;
        EndPoint from = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        int length;
        try
        {
            length = _socket.ReceiveFrom(_scratch, ref from);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
        {
            // An ICMP "port unreachable" from an earlier send, or a datagram larger than 64 KiB.
            return 0;
        }
        Array.Copy(_scratch, buffer, Math.Min(length, buffer.Length));
        remote = from;
        return length;
    }

    public void Send(byte[] data, int offset, int count, object remote)
    {
        try
        {
            _socket.SendTo(data, offset, count, SocketFlags.None, (EndPoint)remote);
        }
        catch (SocketException)
        {
            // UDP gives no delivery promise; a peer that went away is the client's problem to retry.
        }
    }

    public void Dispose() => _socket.Dispose();
}
