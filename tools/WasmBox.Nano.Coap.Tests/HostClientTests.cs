using System.Net;
using System.Net.Sockets;
using WasmBox.Nano.Coap.Host;
using WasmBox.Nano.Coap.Tests.Support;

namespace WasmBox.Nano.Coap.Tests;

/// <summary>The host client against the portable server over real UDP sockets on 127.0.0.1.</summary>
public sealed class HostClientTests : IDisposable
{
    // Short timers keep the retransmission tests quick; they change how long the client waits, not what it does.
    static readonly CoapClientOptions Fast = new() { AckTimeout = TimeSpan.FromMilliseconds(200), MaxRetransmit = 4 };

    readonly UdpSocketEndpoint _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    readonly DroppingEndpoint _lossy;
    readonly CoapServerLoop _loop;
    readonly TestResource _deploy = new((request, response) =>
    {
        response.Code = CoapCode.Created;
        response.WriteDecimal(request.BodyLength);
    });

    public HostClientTests()
    {
        _lossy = new DroppingEndpoint(_socket);
        _loop = new CoapServerLoop(_lossy, new CoapServerOptions { MaxRequestBody = 32 * 1024, MaxResponseBody = 8192 });
        _loop.Server.Register("deploy", _deploy, CoapMethods.Post | CoapMethods.Put);
        _loop.Server.Register("state", TestResource.Text("running"), CoapMethods.Get);
        _loop.Server.Register("image", TestResource.Pattern(6000), CoapMethods.Get);
        _loop.Start();
    }

    CoapClient Client(CoapClientOptions? options = null) => new(_socket.LocalEndPoint, options ?? Fast);

    [Fact]
    public void Get_returns_code_content_format_and_body()
    {
        using var client = Client();

        var response = client.Get("state");

        Assert.Equal("2.05", response.CodeText);
        Assert.Equal(CoapContentFormat.TextPlain, response.ContentFormat);
        Assert.Equal("running", response.PayloadText);
    }

    [Fact]
    public void Unknown_path_is_4_04()
    {
        using var client = Client();
        Assert.Equal("4.04", client.Get("/nothing/here").CodeText);
    }

    [Theory]
    [InlineData(10 * 1024, 6)]
    [InlineData(3000, 2)]
    [InlineData(20, 6)]
    public void Post_uploads_block_wise_and_arrives_byte_exact(int length, int exponent)
    {
        using var client = Client(Fast with { BlockSizeExponent = exponent });
        var body = Patterns.Bytes(length);

        var response = client.Post("deploy", body, CoapContentFormat.CoseSign1);

        Assert.Equal("2.01", response.CodeText);
        Assert.Equal(length.ToString(), response.PayloadText);
        Assert.Equal(body, _deploy.LastBody);
        Assert.Equal(1, _deploy.Calls);
    }

    [Fact]
    public void Upload_over_the_limit_comes_back_as_4_13()
    {
        using var client = Client();
        Assert.Equal("4.13", client.Put("deploy", new byte[32 * 1024 + 1]).CodeText);
        Assert.Equal(0, _deploy.Calls);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(0)]
    public void Get_downloads_a_large_response_block_wise(int exponent)
    {
        using var client = Client(Fast with { BlockSizeExponent = exponent });

        var response = client.Get("image");

        Assert.Equal("2.05", response.CodeText);
        Assert.Equal(Patterns.Bytes(6000), response.Payload);
    }

    [Fact]
    public void Download_larger_than_the_clients_bound_is_refused()
    {
        using var client = Client(Fast with { MaxResponseBody = 4000 });
        Assert.Throws<CoapClientException>(() => client.Get("image"));
    }

    [Fact]
    public void Lost_responses_are_retransmitted_and_the_server_answers_from_its_cache()
    {
        using var client = Client();
        _lossy.DropNext(2);

        var response = client.Post("deploy", [1, 2, 3]);

        Assert.Equal("2.01", response.CodeText);
        Assert.Equal(2, client.Retransmissions);
        Assert.Equal(1, _deploy.Calls);
        Assert.Equal(2, _loop.Server.DuplicateCount);
    }

    [Fact]
    public void No_server_gives_up_after_max_retransmit()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var client = new CoapClient((IPEndPoint)silent.LocalEndPoint!, new CoapClientOptions { AckTimeout = TimeSpan.FromMilliseconds(20), MaxRetransmit = 2 });

        var error = Assert.Throws<CoapClientException>(() => client.Get("state"));

        Assert.Contains("3 transmissions", error.Message);
        Assert.Equal(2, client.Retransmissions);
    }

    public void Dispose()
    {
        _loop.Dispose();
        _socket.Dispose();
    }
}
