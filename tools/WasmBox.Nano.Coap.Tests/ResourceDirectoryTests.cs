using WasmBox.Nano.Coap.Tests.Support;

namespace WasmBox.Nano.Coap.Tests;

/// <summary>/.well-known/core (RFC 6690) and resource registration.</summary>
public class ResourceDirectoryTests
{
    readonly ServerHarness _harness = new();

    [Fact]
    public void Well_known_core_lists_resources_in_link_format()
    {
        _harness.Server.Register("deploy", TestResource.Text(""), CoapMethods.Post).Describe("wbx.deploy", "core.p", CoapContentFormat.Cbor);
        _harness.Server.Register("fn/invoke", TestResource.Text(""), CoapMethods.Post).Describe("wbx.invoke", null, CoapContentFormat.None);
        _harness.Server.Register("/state", TestResource.Text(""), CoapMethods.Get).Describe(null, "core.s", CoapContentFormat.Json);
        _harness.Server.Register("hidden", TestResource.Text(""), CoapMethods.Get).Unlisted();

        var response = _harness.Exchange(Wire.Con(CoapCode.Get, ".well-known/core"));

        Assert.Equal("2.05", response.CodeText);
        Assert.Equal((uint)CoapContentFormat.LinkFormat, response.Uint(CoapOptionNumber.ContentFormat));
        Assert.Equal("</deploy>;rt=\"wbx.deploy\";if=\"core.p\";ct=60,</fn/invoke>;rt=\"wbx.invoke\",</state>;if=\"core.s\";ct=50", response.Text);
    }

    [Fact]
    public void Well_known_core_with_no_resources_is_empty()
    {
        var response = _harness.Exchange(Wire.Con(CoapCode.Get, ".well-known/core"));
        Assert.Equal("2.05", response.CodeText);
        Assert.Empty(response.Payload);
    }

    [Fact]
    public void Long_link_format_is_served_block_wise()
    {
        for (int i = 0; i < 30; i++)
            _harness.Server.Register("resource-number-" + i, TestResource.Text(""), CoapMethods.Get).Describe("wbx.sample", "core.s", 0);

        var first = _harness.Exchange(Wire.Con(CoapCode.Get, ".well-known/core", 1));
        var second = _harness.Exchange(Wire.Con(CoapCode.Get, ".well-known/core", 2).Block2(1, 6));

        Assert.True(first.Block(CoapOptionNumber.Block2).More);
        string links = first.Text + second.Text;
        Assert.False(second.Block(CoapOptionNumber.Block2).More);
        Assert.Equal(30, links.Split(',').Length);
        Assert.EndsWith("</resource-number-29>;rt=\"wbx.sample\";if=\"core.s\";ct=0", links);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("with space")]
    [InlineData("semi;colon")]
    [InlineData("ünï")]
    public void Bad_paths_are_refused_at_registration(string path)
    {
        Assert.ThrowsAny<ArgumentException>(() => _harness.Server.Register(path, TestResource.Text(""), CoapMethods.Get));
    }

    [Fact]
    public void Registration_checks_duplicates_methods_limits_and_attributes()
    {
        _harness.Server.Register("x", TestResource.Text(""), CoapMethods.Get);

        Assert.Throws<ArgumentException>(() => _harness.Server.Register("/x", TestResource.Text(""), CoapMethods.Get));
        Assert.Throws<ArgumentException>(() => _harness.Server.Register(".well-known/core", TestResource.Text(""), CoapMethods.Get));
        Assert.Throws<ArgumentOutOfRangeException>(() => _harness.Server.Register("y", TestResource.Text(""), CoapMethods.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => _harness.Server.Register("y", TestResource.Text(""), CoapMethods.Get, 1 << 20));
        Assert.Throws<ArgumentNullException>(() => _harness.Server.Register("y", null!, CoapMethods.Get));
        var entry = _harness.Server.Register("y", TestResource.Text(""), CoapMethods.Get);
        Assert.Throws<ArgumentException>(() => entry.Describe("quote\"d", null, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => entry.Describe(null, null, 70000));
    }

    [Fact]
    public void Server_options_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoapServer(new InMemoryEndpoint(), new CoapServerOptions { PreferredBlockSizeExponent = 7 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoapServer(new InMemoryEndpoint(), new CoapServerOptions { MaxMessageSize = 512 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoapServer(new InMemoryEndpoint(), new CoapServerOptions { ReassemblySlots = 0 }));
    }
}
