using System.Net;
using System.Net.Sockets;

namespace WasmBox.Nano.Device.Networked.Network
{
    /// <summary>
    /// <see cref="IDatagramSocket"/> over a nanoFramework UDP socket bound to every local address. Remotes are
    /// <see cref="IPEndPoint"/>s, which compare by address and port.
    /// </summary>
    public sealed class UdpSocket : IDatagramSocket
    {
        private readonly Socket _socket;

        public UdpSocket(int port)
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.Bind(new IPEndPoint(IPAddress.Any, port));
        }

        public bool WaitReadable(int timeoutMilliseconds)
        {
            return _socket.Poll(timeoutMilliseconds * 1000, SelectMode.SelectRead);
        }

        public int ReceiveFrom(byte[] buffer, int offset, int count, out object remote)
        {
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            int received = _socket.ReceiveFrom(buffer, offset, count, SocketFlags.None, ref from);
            remote = from;
            return received;
        }

        public void SendTo(byte[] data, int offset, int count, object remote)
        {
            _socket.SendTo(data, offset, count, SocketFlags.None, (EndPoint)remote);
        }
    }
}
