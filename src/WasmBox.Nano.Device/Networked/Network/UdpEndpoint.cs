using System;
using WasmBox.Nano.Coap;

namespace WasmBox.Nano.Device.Networked.Network
{
    /// <summary>The CoAP server's <see cref="IUdpEndpoint"/> over a bound UDP socket (<see cref="UdpSocket"/> on the board).</summary>
    public sealed class UdpEndpoint : IUdpEndpoint
    {
        public const int CoapPort = 5683;

        private readonly IDatagramSocket _socket;
        // One byte longer than the caller's buffer, so a datagram that does not fit shows by filling it.
        private byte[] _scratch = new byte[0];

        public UdpEndpoint(IDatagramSocket socket)
        {
            _socket = socket;
        }

        /// <summary>
        /// The datagram's length, or buffer.Length + 1 when it was longer than the buffer: the socket cuts such a
        /// datagram without saying so, and its FIONREAD count cannot tell either, since lwIP (ESP32, ChibiOS)
        /// reports the bytes of every queued datagram there.
        /// </summary>
        public int Receive(byte[] buffer, int timeoutMilliseconds, out object remote)
        {
            remote = null;
            if (!_socket.WaitReadable(timeoutMilliseconds))
            {
                return 0;
            }
            if (_scratch.Length != buffer.Length + 1)
            {
                // The CoAP server passes the same buffer every time: this allocates once.
                _scratch = new byte[buffer.Length + 1];
            }
            int received = _socket.ReceiveFrom(_scratch, 0, _scratch.Length, out remote);
            Array.Copy(_scratch, buffer, received < buffer.Length ? received : buffer.Length);
            return received;
        }

        public void Send(byte[] data, int offset, int count, object remote)
        {
            _socket.SendTo(data, offset, count, remote);
        }
    }
}
