using WasmBox.Nano.Protocol;

namespace WasmBox.Nano.Deploy.Tests;

public class TopicTests
{
    private readonly DeviceTopics _topics = new("board-7");

    [Fact]
    public void Every_topic_lives_under_the_device()
    {
        Assert.Equal("wbx/board-7/deploy", _topics.Deploy);
        Assert.Equal("wbx/board-7/deploy/result", _topics.Result);
        Assert.Equal("wbx/board-7/invoke/+/+", _topics.InvokeFilter);
        Assert.Equal("wbx/board-7/invoke/acme/3/result", _topics.InvokeResult("acme", 3));
        Assert.Equal("wbx/board-7/attest/report", _topics.AttestReport);
        Assert.Equal("wbx/board-7/state", _topics.State);
    }

    [Theory]
    [InlineData("wbx/board-7/invoke/acme/3", "acme", 3)]
    [InlineData("wbx/board-7/invoke/a/0", "a", 0)]
    [InlineData("wbx/board-7/invoke/acme/999999999", "acme", 999999999)]
    public void Invocations_name_tenant_and_slot(string topic, string tenant, int slot)
    {
        Assert.True(_topics.TryParseInvoke(topic, out string? t, out int s));
        Assert.Equal(tenant, t);
        Assert.Equal(slot, s);
    }

    [Theory]
    [InlineData("wbx/board-8/invoke/acme/3")]
    [InlineData("wbx/board-7/invoke/acme/3/result")]
    [InlineData("wbx/board-7/invoke/acme/")]
    [InlineData("wbx/board-7/invoke//3")]
    [InlineData("wbx/board-7/invoke/acme/-1")]
    [InlineData("wbx/board-7/invoke/acme/1000000000")]
    [InlineData("wbx/board-7/invoke/acme/3x")]
    [InlineData("wbx/board-7/invoke/acme/000000001")]
    [InlineData("wbx/board-7/invoke/acme/01")]
    [InlineData("wbx/board-7/invoke/acme/+1")]
    [InlineData("wbx/board-7/invoke/acme/ 1")]
    [InlineData("wbx/board-7/invoke/ACME/1")]
    [InlineData("wbx/board-7/invoke/ac me/1")]
    public void Anything_else_is_not_an_invocation(string topic)
    {
        Assert.False(_topics.TryParseInvoke(topic, out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("dev+")]
    [InlineData("dev#")]
    [InlineData("dev ice")]
    public void Device_ids_that_could_break_a_topic_are_refused(string id)
    {
        Assert.NotNull(DeviceTopics.DeviceIdError(id));
        Assert.Throws<ArgumentException>(() => new DeviceTopics(id));
    }

    [Theory]
    [InlineData("localhost", "localhost", 1883)]
    [InlineData("127.0.0.1:1884", "127.0.0.1", 1884)]
    [InlineData("[::1]:5683", "::1", 5683)]
    [InlineData("[::1]", "::1", 1883)]
    public void Broker_addresses_parse(string text, string host, int port)
    {
        Assert.Equal(new BrokerAddress(host, port), BrokerAddress.Parse(text));
    }

    [Theory]
    [InlineData("host:")]
    [InlineData("host:70000")]
    [InlineData(":1883")]
    [InlineData("::1:1883")]
    [InlineData("[::1")]
    public void Bad_broker_addresses_say_why(string text)
    {
        var e = Assert.Throws<FormatException>(() => BrokerAddress.Parse(text));
        Assert.Contains(text, e.Message);
    }
}
