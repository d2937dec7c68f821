namespace WasmBox.Nano.Device.Networked.Network
{
    /// <summary>
    /// The calls <see cref="UdpEndpoint"/> makes on a bound UDP socket, so its datagram sizing runs in host tests
    /// over a socket that behaves like lwIP's; <see cref="UdpSocket"/> is the board's.
    /// </summary>
    public interface IDatagramSocket
    {
        /// <summary>True when a datagram is waiting, within <paramref name="timeoutMilliseconds"/>.</summary>
        bool WaitReadable(int timeoutMilliseconds);

        /// <summary>
        /// Takes the next datagram, copying at most <paramref name="count"/> bytes of it (the rest is lost);
        /// returns the bytes copied.
        /// </summary>
        int ReceiveFrom(byte[] buffer, int offset, int count, out object remote);

        void SendTo(byte[] data, int offset, int count, object remote);
    }
}
