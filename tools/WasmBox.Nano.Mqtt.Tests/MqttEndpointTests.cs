namespace WasmBox.Nano.Mqtt.Tests;

public class MqttEndpointTests
{
    [Theory]
    [InlineData("mqtt://broker.example:1884", "broker.example", 1884, false)]
    [InlineData("mqtts://broker.example", "broker.example", 8883, true)]
    [InlineData("MQTTS://10.0.0.7:9999/", "10.0.0.7", 9999, true)]
    [InlineData("mqtt://broker", "broker", 1883, false)]
    [InlineData("127.0.0.1:1883", "127.0.0.1", 1883, false)]
    [InlineData("localhost", "localhost", 1883, false)]
    [InlineData("[::1]:2000", "::1", 2000, false)]
    [InlineData("mqtts://[fe80::1]", "fe80::1", 8883, true)]
    public void Parses_urls_and_host_port(string text, string host, int port, bool tls)
    {
        MqttEndpoint endpoint = MqttEndpoint.Parse(text);

        Assert.Equal((host, port, tls), (endpoint.Host, endpoint.Port, endpoint.Tls));
    }

    [Theory]
    [InlineData("http://broker:80", "mqtt:// or mqtts://")]
    [InlineData("mqtt://user:secret@broker", "--user/--password")]
    [InlineData("mqtt://broker/topic", "expected mqtt://host")]
    [InlineData("broker:70000", "expected")]
    [InlineData("mqtts://", "expected")]
    [InlineData("::1:1883", "brackets")]
    public void Refuses_malformed_addresses_saying_what_is_expected(string text, string hint)
    {
        var e = Assert.Throws<FormatException>(() => MqttEndpoint.Parse(text));

        Assert.Contains("'" + text + "'", e.Message);
        Assert.Contains(hint, e.Message);
    }

    [Fact]
    public void Tls_files_without_mqtts_and_half_a_client_certificate_are_refused_before_connecting()
    {
        MqttEndpoint plain = MqttEndpoint.Parse("mqtt://broker");
        Assert.Contains("mqtts://", (plain with { CaFile = "ca.pem" }).SettingsError());
        Assert.Contains("--cert-key", (plain with { Tls = true, ClientCertFile = "c.pem" }).SettingsError());
        Assert.Contains("--user", (plain with { Password = "p" }).SettingsError());
        Assert.Null((plain with { Tls = true, CaFile = "ca.pem", UserName = "u", Password = "p" }).SettingsError());
    }

    [Fact]
    public void Prints_as_a_url() =>
        Assert.Equal("mqtts://[::1]:8883", MqttEndpoint.Parse("mqtts://[::1]").ToString());
}
