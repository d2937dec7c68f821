using WasmBox.Nano.Coap;
using WasmBox.Nano.Device.Networked.Network;
using WasmBox.Nano.Firmware.Tests.Fakes;

namespace WasmBox.Nano.Firmware.Tests;

/// <summary>
/// The board's CoAP endpoint over a socket that behaves like lwIP on the ESP32 and ChibiOS builds: FIONREAD
/// counts every queued datagram, and a datagram longer than the buffer is cut without notice.
/// </summary>
public class UdpEndpointTests
{
    readonly LwipDatagramSocket socket = new();

    static byte[] Bytes(int length, byte fill) => Enumerable.Repeat(fill, length).ToArray();

    [Fact]
    public void Queued_datagrams_are_each_reported_at_their_own_length()
    {
        var endpoint = new UdpEndpoint(socket);
        socket.Arrive(Bytes(30, 1), "a");
        socket.Arrive(Bytes(20, 2), "b");
        byte[] buffer = new byte[64];

        Assert.Equal(30, endpoint.Receive(buffer, 0, out object first));
        Assert.Equal("a", first);
        Assert.Equal(Bytes(30, 1), buffer[..30]);
        Assert.Equal(20, endpoint.Receive(buffer, 0, out object second));
        Assert.Equal("b", second);
        Assert.Equal(0, endpoint.Receive(buffer, 0, out _));
    }

    [Fact]
    public void A_datagram_longer_than_the_buffer_is_reported_longer_and_the_next_one_exactly()
    {
        var endpoint = new UdpEndpoint(socket);
        byte[] big = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        socket.Arrive(big, "a");
        socket.Arrive(Bytes(10, 3), "a");
        byte[] buffer = new byte[64];

        Assert.True(endpoint.Receive(buffer, 0, out _) > buffer.Length);
        Assert.Equal(big[..64], buffer);
        Assert.Equal(10, endpoint.Receive(buffer, 0, out _));
    }

    [Fact]
    public void A_CoAP_request_that_fits_is_served_while_another_waits_behind_it()
    {
        var server = new CoapServer(new UdpEndpoint(socket), new CoapServerOptions());
        server.Register("echo", new Accept(), CoapMethods.Post);
        socket.Arrive(Post(0x0101, 700), "a");
        socket.Arrive(Post(0x0102, 700), "a");

        Assert.True(server.PollOnce(0));
        Assert.True(server.PollOnce(0));

        Assert.Equal([CoapCode.Changed, CoapCode.Changed], socket.Sent.Select(s => s.Data[1]));
    }

    static byte[] Post(int messageId, int payloadLength)
    {
        var message = new CoapMessage(4, 16) { Type = CoapMessageType.Confirmable, Code = CoapCode.Post, MessageId = messageId };
        byte[] path = "echo"u8.ToArray();
        Assert.True(message.AddOption(CoapOptionNumber.UriPath, path, 0, path.Length));
        message.SetPayload(Bytes(payloadLength, 7), 0, payloadLength);
        byte[] datagram = new byte[CoapCodec.EncodedLength(message)];
        CoapCodec.Encode(message, datagram);
        return datagram;
    }

    sealed class Accept : ICoapResource
    {
        public void Handle(CoapRequest request, CoapResponse response) => response.Code = CoapCode.Changed;
    }
}
