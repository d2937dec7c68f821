namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// The little of a UDP socket the server needs, so the device build can sit on nanoFramework's
    /// System.Net.Sockets and the host on System.Net.Sockets.Socket. Remote addresses are opaque to the
    /// server and compared with <see cref="object.Equals(object)"/>.
    /// </summary>
    public interface IUdpEndpoint
    {
        /// <summary>
        /// Waits up to <paramref name="timeoutMilliseconds"/> for one datagram and copies it into
        /// <paramref name="buffer"/>. Returns the datagram's length; when only its start fit, a value above
        /// <paramref name="buffer"/>.Length (the full length, or buffer.Length + 1 where the socket cannot
        /// tell more); 0 on timeout.
        /// </summary>
        int Receive(byte[] buffer, int timeoutMilliseconds, out object remote);

        void Send(byte[] data, int offset, int count, object remote);
    }
}
