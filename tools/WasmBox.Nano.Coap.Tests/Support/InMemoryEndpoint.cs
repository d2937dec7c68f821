namespace WasmBox.Nano.Coap.Tests.Support;

/// <summary>An <see cref="IUdpEndpoint"/> fed from a queue, recording what the server sends.</summary>
internal sealed class InMemoryEndpoint : IUdpEndpoint
{
    readonly Queue<(byte[] Data, object Remote)> _incoming = new();

    public List<(byte[] Data, object Remote)> Sent { get; } = [];

    public void Enqueue(byte[] datagram, object remote) => _incoming.Enqueue((datagram, remote));

    public int Receive(byte[] buffer, int timeoutMilliseconds, out object remote)
    {
        remote = null!;
        if (_incoming.Count == 0) return 0;
        var (data, from) = _incoming.Dequeue();
        Array.Copy(data, buffer, Math.Min(data.Length, buffer.Length));
        remote = from;
        return data.Length;
    }

    public void Send(byte[] data, int offset, int count, object remote) => Sent.Add((data.AsSpan(offset, count).ToArray(), remote));
}
