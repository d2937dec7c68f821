using System.Net;

namespace WasmBox.Nano.Coap.Tests.Support;

/// <summary>A <see cref="CoapServer"/> on an <see cref="InMemoryEndpoint"/>: send one datagram, see what came back.</summary>
internal sealed class ServerHarness
{
    public static readonly object Alice = new IPEndPoint(IPAddress.Loopback, 5001);
    public static readonly object Bob = new IPEndPoint(IPAddress.Loopback, 5002);

    public ServerHarness(CoapServerOptions? options = null)
    {
        Server = new CoapServer(Endpoint, options ?? new CoapServerOptions());
    }

    public InMemoryEndpoint Endpoint { get; } = new();
    public CoapServer Server { get; }

    /// <summary>Hands <paramref name="datagram"/> to the server; returns the one datagram it sent, or null.</summary>
    public Decoded? Send(byte[] datagram, object? remote = null)
    {
        int before = Endpoint.Sent.Count;
        Endpoint.Enqueue(datagram, remote ?? Alice);
        Assert.True(Server.PollOnce(0));
        Assert.InRange(Endpoint.Sent.Count - before, 0, 1);
        return Endpoint.Sent.Count == before ? null : Wire.Decode(Endpoint.Sent[^1].Data);
    }

    public Decoded Exchange(Wire request, object? remote = null) =>
        Send(request.Build(), remote) ?? throw new Xunit.Sdk.XunitException("the server sent nothing");
}

/// <summary>A resource defined by a lambda, counting its calls and keeping the last body it saw.</summary>
internal sealed class TestResource(Action<CoapRequest, CoapResponse> handle) : ICoapResource
{
    public int Calls { get; private set; }
    public byte[] LastBody { get; private set; } = [];

    public void Handle(CoapRequest request, CoapResponse response)
    {
        Calls++;
        LastBody = request.CopyBody();
        handle(request, response);
    }

    /// <summary>Answers every request with this text (Content-Format text/plain).</summary>
    public static TestResource Text(string text) => new((_, response) =>
    {
        response.ContentFormat = CoapContentFormat.TextPlain;
        response.WriteAscii(text);
    });

    /// <summary>Answers with <paramref name="length"/> bytes of a position-dependent pattern.</summary>
    public static TestResource Pattern(int length) => new((_, response) =>
    {
        var body = Patterns.Bytes(length);
        response.ContentFormat = CoapContentFormat.OctetStream;
        response.Write(body, 0, body.Length);
    });
}

internal static class Patterns
{
    /// <summary>Bytes that differ block to block, so a misplaced block shows.</summary>
    public static byte[] Bytes(int length, int seed = 7)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte)((i * 31 + i / 64 + seed) & 0xFF);
        return bytes;
    }
}
