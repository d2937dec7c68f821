using WasmBox.Nano.Coap.Host;
using WasmBox.Nano.Coap.Tests.Support;

namespace WasmBox.Nano.Coap.Tests;

/// <summary>The host client against libcoap's coap-server: another implementation's view of our requests.</summary>
public class LibcoapServerInteropTests
{
    static readonly CoapClientOptions Fast = new() { AckTimeout = TimeSpan.FromMilliseconds(300) };

    [SkippableFact]
    public void Get_well_known_core()
    {
        Skip.If(LibcoapServer.Path == null, LibcoapServer.SkipReason);
        using var server = new LibcoapServer();
        using var client = new CoapClient(server.EndPoint, Fast);

        var response = client.Get(".well-known/core");

        Assert.Equal("2.05", response.CodeText);
        Assert.Equal(CoapContentFormat.LinkFormat, response.ContentFormat);
        Assert.Contains("</example_data>", response.PayloadText);
    }

    [SkippableTheory]
    [InlineData(6)]
    [InlineData(2)]
    public void Put_block_wise_then_get_block_wise_round_trips(int exponent)
    {
        Skip.If(LibcoapServer.Path == null, LibcoapServer.SkipReason);
        using var server = new LibcoapServer();
        using var client = new CoapClient(server.EndPoint, Fast with { BlockSizeExponent = exponent });
        var body = Patterns.Bytes(10 * 1024);

        var put = client.Put("example_data", body, CoapContentFormat.OctetStream);
        var get = client.Get("example_data");

        Assert.True(put.IsSuccess, put.ToString());
        Assert.Equal("2.05", get.CodeText);
        Assert.Equal(body, get.Payload);
    }

    [SkippableFact]
    public void Separate_response_after_an_empty_acknowledgement()
    {
        Skip.If(LibcoapServer.Path == null, LibcoapServer.SkipReason);
        using var server = new LibcoapServer();
        using var client = new CoapClient(server.EndPoint, Fast);

        var response = client.Get("async?1");

        Assert.Equal("2.05", response.CodeText);
        Assert.Equal("done", response.PayloadText);
    }

    [SkippableFact]
    public void Lost_response_is_recovered_by_retransmission()
    {
        Skip.If(LibcoapServer.Path == null, LibcoapServer.SkipReason);
        // Datagrams 1 and 2 answer the start-up pings (the 1st is lost); the 3rd is the response to our request.
        using var server = new LibcoapServer("-l", "1,3");
        using var client = new CoapClient(server.EndPoint, Fast);

        var response = client.Get("example_data");

        Assert.True(response.IsSuccess, response.ToString());
        Assert.Equal(1, client.Retransmissions);
    }
}
