using WasmBox.Nano.Coap;

namespace WasmBox.Nano.Device.Networked.Network
{
    /// <summary>The CoAP server's <see cref="IUdpEndpoint"/> over a bound UDP socket (<see cref="UdpSocket"/> on the board).</summary>
    public sealed class UdpEndpoint : IUdpEndpoint
    {
        public const int CoapPort = 5683;

        private readonly IDatagramSocket _socket;

        public UdpEndpoint(IDatagramSocket socket)
        {
            _socket = socket;
        }

        public int Receive(byte[] buffer, int timeoutMilliseconds, out object remote)
        {
            remote = null;
            if (!_socket.WaitReadable(timeoutMilliseconds))
            {
                return 0;
            }
            // The socket truncates a datagram longer than the buffer without saying so; the bytes it
            // reports pending before the read tell the server the real length, so it can answer 4.13.
            int pending = _socket.Available;
            int received = _socket.ReceiveFrom(buffer, 0, buffer.Length, out remote);
            return pending > received ? pending : received;
        }

        public void Send(byte[] data, int offset, int count, object remote)
        {
            _socket.SendTo(data, offset, count, remote);
        }
    }
}
