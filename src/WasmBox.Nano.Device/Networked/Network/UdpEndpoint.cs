using System.Net;
using System.Net.Sockets;
using WasmBox.Nano.Coap;

namespace WasmBox.Nano.Device.Networked.Network
{
    /// <summary>
    /// The CoAP server's <see cref="IUdpEndpoint"/> over a nanoFramework UDP socket bound to every local
    /// address. Remotes are <see cref="IPEndPoint"/>s, which compare by address and port.
    /// </summary>
    public sealed class UdpEndpoint : IUdpEndpoint
    {
        public const int CoapPort = 5683;

        private readonly Socket _socket;

        public UdpEndpoint(int port)
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.Bind(new IPEndPoint(IPAddress.Any, port));
        }

        public int Receive(byte[] buffer, int timeoutMilliseconds, out object remote)
        {
            remote = null;
            if (!_socket.Poll(timeoutMilliseconds * 1000, SelectMode.SelectRead))
            {
                return 0;
            }
            // The socket truncates a datagram longer than the buffer without saying so; the bytes it
            // reports pending before the read tell the server the real length, so it can answer 4.13.
            int pending = _socket.Available;
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            int received = _socket.ReceiveFrom(buffer, 0, buffer.Length, SocketFlags.None, ref from);
            remote = from;
            return pending > received ? pending : received;
        }

        public void Send(byte[] data, int offset, int count, object remote)
        {
            _socket.SendTo(data, offset, count, SocketFlags.None, (EndPoint)remote);
        }
    }
}
