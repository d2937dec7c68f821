namespace WasmBox.Nano.Coap.Tests.Support;

/// <summary>Wraps an endpoint and, when told to, loses the next datagrams the server sends, as a lossy network would.</summary>
internal sealed class DroppingEndpoint(IUdpEndpoint inner) : IUdpEndpoint
{
    int _toDrop;

    public void DropNext(int sends) => Volatile.Write(ref _toDrop, sends);

    public int Receive(byte[] buffer, int timeoutMilliseconds, out object remote) => inner.Receive(buffer, timeoutMilliseconds, out remote);

    public void Send(byte[] data, int offset, int count, object remote)
    {
        if (Interlocked.Decrement(ref _toDrop) >= 0) return;
        inner.Send(data, offset, count, remote);
    }
}
