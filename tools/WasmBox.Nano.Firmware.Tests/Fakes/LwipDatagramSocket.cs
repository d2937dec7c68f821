using WasmBox.Nano.Device.Networked.Network;

namespace WasmBox.Nano.Firmware.Tests.Fakes;

/// <summary>
/// A bound UDP socket as the ESP32 and ChibiOS lwIP builds of nanoFramework behave: FIONREAD
/// (<see cref="Available"/>) counts the bytes of every queued datagram, and a receive into a smaller buffer
/// keeps the datagram's start and silently drops the rest.
/// </summary>
internal sealed class LwipDatagramSocket : IDatagramSocket
{
    readonly Queue<(byte[] Data, object Remote)> _queue = new();

    public List<(byte[] Data, object Remote)> Sent { get; } = [];

    public void Arrive(byte[] datagram, object remote) => _queue.Enqueue((datagram, remote));

    public bool WaitReadable(int timeoutMilliseconds) => _queue.Count > 0;

    public int Available => _queue.Sum(d => d.Data.Length);

    public int ReceiveFrom(byte[] buffer, int offset, int count, out object remote)
    {
        var (data, from) = _queue.Dequeue();
        int copied = Math.Min(count, data.Length);
        Array.Copy(data, 0, buffer, offset, copied);
        remote = from;
        return copied;
    }

    public void SendTo(byte[] data, int offset, int count, object remote) => Sent.Add((data.AsSpan(offset, count).ToArray(), remote));
}
