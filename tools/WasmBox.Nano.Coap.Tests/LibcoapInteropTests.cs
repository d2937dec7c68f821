using System.Net;
using WasmBox.Nano.Coap.Host;
using WasmBox.Nano.Coap.Tests.Support;
using Xunit.Abstractions;

namespace WasmBox.Nano.Coap.Tests;

/// <summary>
/// libcoap's coap-client (a real, independent CoAP implementation) against the portable server on
/// 127.0.0.1, through the host UDP adapter. Skipped when coap-client is not installed.
/// </summary>
public sealed class LibcoapInteropTests : IDisposable
{
    const int DeployLimit = 16 * 1024;
    readonly CoapUdpServerHost _host;
    readonly TestResource _deploy;
    readonly TestResource _imageResource;
    readonly byte[] _image = Patterns.Bytes(5000);
    readonly string _scratch = Directory.CreateTempSubdirectory("wbx-coap-").FullName;

    readonly ITestOutputHelper _log;

    public LibcoapInteropTests(ITestOutputHelper log)
    {
        _log = log;
        _host = new CoapUdpServerHost(new IPEndPoint(IPAddress.Loopback, 0),
            new CoapServerOptions { MaxRequestBody = DeployLimit, MaxResponseBody = 8192 });
        _deploy = new TestResource((request, response) =>
        {
            response.Code = CoapCode.Changed;
            response.ContentFormat = CoapContentFormat.TextPlain;
            response.WriteAscii("installed ");
            response.WriteDecimal(request.BodyLength);
        });
        _host.Server.Register("deploy", _deploy, CoapMethods.Post | CoapMethods.Put, DeployLimit).Describe("wbx.deploy", "core.p", CoapContentFormat.CoseSign1);
        _host.Server.Register("state", TestResource.Text("{\"installed\":0}"), CoapMethods.Get).Describe("wbx.state", "core.s", CoapContentFormat.TextPlain);
        _imageResource = TestResource.Pattern(_image.Length);
        _host.Server.Register("image", _imageResource, CoapMethods.Get).Describe(null, null, CoapContentFormat.OctetStream);
        _host.Start();
    }

    string Uri(string path) => $"coap://127.0.0.1:{_host.LocalEndPoint.Port}/{path}";

    [SkippableFact]
    public void Well_known_core_is_link_format()
    {
        Skip.If(LibcoapClient.Path == null, LibcoapClient.SkipReason);

        var result = LibcoapClient.Run(_log, "-m", "get", Uri(".well-known/core"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("</deploy>;rt=\"wbx.deploy\";if=\"core.p\";ct=18,</state>;rt=\"wbx.state\";if=\"core.s\";ct=0,</image>;ct=42",
            result.Output.Trim());
    }

    [SkippableFact]
    public void Get_a_resource()
    {
        Skip.If(LibcoapClient.Path == null, LibcoapClient.SkipReason);

        var result = LibcoapClient.Run(_log, "-m", "get", Uri("state"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"installed\":0}", result.Output.Trim());
    }

    [SkippableFact]
    public void Post_a_small_body()
    {
        Skip.If(LibcoapClient.Path == null, LibcoapClient.SkipReason);

        var result = LibcoapClient.Run(_log, "-m", "post", "-t", "0", "-e", "hello", Uri("deploy"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("installed 5", result.Output.Trim());
        Assert.Equal("hello"u8.ToArray(), _deploy.LastBody);
    }

    [SkippableTheory]
    [InlineData(64)]
    [InlineData(1024)]
    public void Block_wise_post_of_10_KB_arrives_byte_exact(int blockSize)
    {
        Skip.If(LibcoapClient.Path == null, LibcoapClient.SkipReason);
        var body = Patterns.Bytes(10 * 1024, blockSize);
        var file = Path.Combine(_scratch, "bundle.bin");
        File.WriteAllBytes(file, body);

        var result = LibcoapClient.Run(_log, "-m", "post", "-b", blockSize.ToString(), "-f", file, Uri("deploy"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("installed 10240", result.Output.Trim());
        Assert.Equal(1, _deploy.Calls);
        Assert.Equal(body, _deploy.LastBody);
    }

    [SkippableFact]
    public void Body_over_the_limit_is_refused_with_4_13()
    {
        Skip.If(LibcoapClient.Path == null, LibcoapClient.SkipReason);
        var file = Path.Combine(_scratch, "huge.bin");
        File.WriteAllBytes(file, new byte[DeployLimit + 1]);

        var result = LibcoapClient.Run(_log, "-m", "post", "-b", "1024", "-f", file, Uri("deploy"));

        Assert.Equal("4.13", result.Error.Trim());
        Assert.Equal(0, _deploy.Calls);
    }

    [SkippableTheory]
    [InlineData(null, 5)]
    [InlineData("64", 79)]
    public void Block_wise_get_of_a_large_response(string? blockSize, int blocks)
    {
        Skip.If(LibcoapClient.Path == null, LibcoapClient.SkipReason);
        var file = Path.Combine(_scratch, "image.bin");
        string[] sizeArguments = blockSize == null ? [] : ["-b", blockSize];

        var result = LibcoapClient.Run(_log, [.. sizeArguments, "-m", "get", "-o", file, Uri("image")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(_image, File.ReadAllBytes(file));
        // One request per block: the server sliced at the size the client asked for (1024 by default).
        Assert.Equal(blocks, _imageResource.Calls);
    }

    [SkippableFact]
    public void Unknown_path_is_4_04()
    {
        Skip.If(LibcoapClient.Path == null, LibcoapClient.SkipReason);

        var result = LibcoapClient.Run(_log, "-m", "get", Uri("no/such/thing"));

        Assert.Equal("4.04", result.Error.Trim());
    }

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }
}
