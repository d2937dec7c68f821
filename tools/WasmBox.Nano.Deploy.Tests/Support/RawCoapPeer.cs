using System.Net;
using System.Net.Sockets;
using WasmBox.Nano.Coap;

namespace WasmBox.Nano.Deploy.Tests.Support;

/// <summary>
/// One UDP socket of its own (its own source port) sending hand-built Block1 POSTs to a device and
/// reading the answer, so a test decides exactly how transfers from several peers interleave.
/// </summary>
internal sealed class RawCoapPeer(IPEndPoint device) : IDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private int _messageId = Random.Shared.Next(0x10000);

    /// <summary>The answer to block <paramref name="number"/> of <paramref name="body"/> in blocks of 2^(4+<paramref name="exponent"/>) bytes.</summary>
    public Answer SendBlock(string path, byte[] body, int number, int exponent)
    {
        int size = BlockOption.SizeOf(exponent);
        int offset = number * size;
        int length = Math.Min(size, body.Length - offset);
        bool more = offset + length < body.Length;
        var message = new CoapMessage(8, 64);
        message.Type = CoapMessageType.Confirmable;
        message.Code = CoapCode.Post;
        message.MessageId = _messageId = (_messageId + 1) & 0xFFFF;
        message.SetToken(BitConverter.GetBytes(_messageId), 0, 2);
        message.AddAsciiOption(CoapOptionNumber.UriPath, path);
        message.AddUintOption(CoapOptionNumber.Block1, new BlockOption(number, more, exponent).Encode());
        message.SetPayload(body, offset, length);
        byte[] datagram = new byte[CoapCodec.EncodedLength(message)];
        CoapCodec.Encode(message, datagram);
        _socket.Send(datagram, datagram.Length, device);
        return Receive();
    }

    /// <summary>Sends a whole body block by block; the last answer.</summary>
    public Answer SendAll(string path, byte[] body, int exponent)
    {
        int blocks = (body.Length + BlockOption.SizeOf(exponent) - 1) / BlockOption.SizeOf(exponent);
        Answer last = null!;
        for (int i = 0; i < blocks; i++)
            last = SendBlock(path, body, i, exponent);
        return last;
    }

    public static int BlockCount(byte[] body, int exponent) => (body.Length + BlockOption.SizeOf(exponent) - 1) / BlockOption.SizeOf(exponent);

    private Answer Receive()
    {
        Task<UdpReceiveResult> receive = _socket.ReceiveAsync();
        if (!receive.Wait(TimeSpan.FromSeconds(20)))
            throw new TimeoutException("the device did not answer a CoAP block within 20 s");
        byte[] data = receive.Result.Buffer;
        var message = new CoapMessage(16, 0);
        Assert.Equal(CoapDecodeError.None, CoapCodec.Decode(data, data.Length, message));
        uint maxAge;
        bool hasMaxAge = message.TryGetUint(CoapOptionNumber.MaxAge, out maxAge);
        string payload = System.Text.Encoding.UTF8.GetString(message.PayloadBuffer ?? [], message.PayloadOffset, message.PayloadLength);
        return new Answer(CoapCode.ToText(message.Code), hasMaxAge ? (int)maxAge : -1, payload);
    }

    public void Dispose() => _socket.Dispose();

    public sealed record Answer(string Code, int MaxAge, string Payload);
}
