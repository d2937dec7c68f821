using WasmBox.Nano.Mqtt.Topics;

namespace WasmBox.Nano.Mqtt.Tests.Codec;

public class MqttTopicTests
{
    [Theory]
    [InlineData("wbx/dev-1/deploy", "wbx/dev-1/deploy", true)]
    [InlineData("wbx/+/deploy", "wbx/dev-1/deploy", true)]
    [InlineData("wbx/+/deploy", "wbx/dev-1/deploy/result", false)]
    [InlineData("wbx/+", "wbx/", true)]
    [InlineData("+/+", "/finance", true)]
    [InlineData("+", "/finance", false)]
    [InlineData("wbx/#", "wbx/dev-1/deploy/result", true)]
    [InlineData("wbx/#", "wbx", true)]
    [InlineData("wbx/#", "wbxx", false)]
    [InlineData("#", "a/b/c", true)]
    [InlineData("wbx/dev-1", "wbx/dev-1/state", false)]
    [InlineData("wbx/dev-1/state", "wbx/dev-1", false)]
    [InlineData("+/dev-1/#", "wbx/dev-1", true)]
    [InlineData("#", "$SYS/broker/uptime", false)]
    [InlineData("+/broker/uptime", "$SYS/broker/uptime", false)]
    [InlineData("$SYS/#", "$SYS/broker/uptime", true)]
    [InlineData("Wbx/#", "wbx/a", false)]
    public void Matches(string filter, string topic, bool expected)
    {
        Assert.Equal(expected, MqttTopic.Matches(filter, topic));
    }

    [Theory]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("a/+/b/#")]
    [InlineData("/")]
    [InlineData("+/+/")]
    public void Valid_filters(string filter) => Assert.Null(MqttTopic.ProblemWithFilter(filter));

    [Theory]
    [InlineData("")]
    [InlineData("a#")]
    [InlineData("a/#/b")]
    [InlineData("a/b+")]
    [InlineData("+a")]
    public void Invalid_filters(string filter) => Assert.NotNull(MqttTopic.ProblemWithFilter(filter));

    [Theory]
    [InlineData("")]
    [InlineData("a/+")]
    [InlineData("#")]
    [InlineData("a/b#")]
    public void Invalid_names(string topic) => Assert.NotNull(MqttTopic.ProblemWithName(topic));
}
