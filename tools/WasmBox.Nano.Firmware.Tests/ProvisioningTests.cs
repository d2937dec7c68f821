using WasmBox.Nano.Device.Provisioning;
using WasmBox.Nano.Firmware.Tests.Support;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Firmware.Tests;

/// <summary>provisioning.json is read strictly: the documented example works, every mistake names its field.</summary>
public class ProvisioningTests
{
    const string Point = "0430c957ee1a7298adf934ebe3f16b2a016ec89a2b5fff4378fc5933c50becfe568d1af481b4a8744daea8c7eab70304b5d973de5b5f5de67925ba54192738cd26";

    static string Document(string broker = "{\"host\": \"b.local\"}", string keys = "[]", string extra = "") =>
        "{\"deviceId\": \"dev-1\", \"broker\": " + broker + ", \"tenantKeys\": " + keys + extra + "}";

    [Fact]
    public void Example_file_parses()
    {
        ProvisioningResult result = ProvisioningParser.Parse(File.ReadAllText(Path.Combine(Repository.Firmware, "provisioning.example.json")));

        Assert.True(result.Ok, result.ToString());
        DeviceProvisioning p = result.Provisioning;
        Assert.Equal("kitchen-01", p.DeviceId);
        Assert.Equal(("my-network", "change-me"), (p.WifiSsid, p.WifiPassword));
        Assert.Equal(("192.168.1.10", 8883, true), (p.BrokerHost, p.BrokerPort, p.BrokerTls));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", p.BrokerCaCertificate);
        Assert.Equal(("kitchen-01", "change-me-too"), (p.BrokerUsername, p.BrokerPassword));
        Assert.Equal(60, p.TelemetrySeconds);
        Assert.Equal(Convert.FromHexString(Point), p.PublicKeyOf("acme"));
        Assert.Null(p.PublicKeyOf("other"));
    }

    [Fact]
    public void Example_tenant_document_is_accepted_by_the_runtime()
    {
        PolicyParseResult result = PolicyParser.Parse(File.ReadAllText(Path.Combine(Repository.Firmware, "tenants.example.json")));

        Assert.True(result.Ok, result.ToString());
        Assert.Equal("acme", Assert.Single(result.Tenants).TenantId);
    }

    [Fact]
    public void Defaults_fill_optional_fields()
    {
        DeviceProvisioning plain = ProvisioningParser.Parse(Document()).Provisioning;
        DeviceProvisioning tls = ProvisioningParser.Parse(Document("{\"host\": \"b\", \"tls\": true, \"caCertificate\": \"PEM\"}")).Provisioning;

        Assert.Equal((1883, false, null, null, null), (plain.BrokerPort, plain.BrokerTls, plain.BrokerCaCertificate, plain.BrokerUsername, plain.WifiSsid));
        Assert.Equal(ProvisioningParser.DefaultTelemetrySeconds, plain.TelemetrySeconds);
        Assert.Equal((8883, true, "PEM"), (tls.BrokerPort, tls.BrokerTls, tls.BrokerCaCertificate));
    }

    [Theory]
    [InlineData("{", "$")]
    [InlineData("[]", "$")]
    [InlineData("{\"broker\": {\"host\": \"b\"}, \"tenantKeys\": []}", "deviceId")]
    [InlineData("{\"deviceId\": \"Dev 1\", \"broker\": {\"host\": \"b\"}, \"tenantKeys\": []}", "deviceId")]
    [InlineData("{\"deviceId\": \"d\", \"tenantKeys\": []}", "broker")]
    [InlineData("{\"deviceId\": \"d\", \"broker\": {\"host\": \"b\"}}", "tenantKeys")]
    [InlineData("{\"deviceId\": \"d\", \"broker\": {\"host\": \"b\"}, \"tenantKeys\": [], \"colour\": 1}", "colour")]
    [InlineData("{\"deviceId\": \"d\", \"broker\": {\"host\": \"\"}, \"tenantKeys\": []}", "broker.host")]
    [InlineData("{\"deviceId\": \"d\", \"broker\": {\"host\": \"b\", \"port\": 70000}, \"tenantKeys\": []}", "broker.port")]
    [InlineData("{\"deviceId\": \"d\", \"broker\": {\"host\": \"b\", \"port\": \"1883\"}, \"tenantKeys\": []}", "broker.port")]
    [InlineData("{\"deviceId\": \"d\", \"broker\": {\"host\": \"b\", \"tls\": \"yes\"}, \"tenantKeys\": []}", "broker.tls")]
    [InlineData("{\"deviceId\": \"d\", \"broker\": {\"host\": \"b\", \"caCertificate\": \"PEM\"}, \"tenantKeys\": []}", "broker.caCertificate")]
    [InlineData("{\"deviceId\": \"d\", \"broker\": {\"host\": \"b\", \"password\": \"p\"}, \"tenantKeys\": []}", "broker.password")]
    [InlineData("{\"deviceId\": \"d\", \"broker\": {\"host\": \"b\", \"hots\": \"b\"}, \"tenantKeys\": []}", "broker.hots")]
    [InlineData("{\"deviceId\": \"d\", \"wifi\": {\"password\": \"p\"}, \"broker\": {\"host\": \"b\"}, \"tenantKeys\": []}", "wifi.ssid")]
    [InlineData("{\"deviceId\": \"d\", \"wifi\": {\"ssid\": \"123456789012345678901234567890123\"}, \"broker\": {\"host\": \"b\"}, \"tenantKeys\": []}", "wifi.ssid")]
    [InlineData("{\"deviceId\": \"d\", \"broker\": {\"host\": \"b\"}, \"tenantKeys\": [], \"telemetrySeconds\": 0}", "telemetrySeconds")]
    [InlineData("{\"deviceId\": \"d\", \"broker\": {\"host\": \"b\"}, \"tenantKeys\": {}}", "tenantKeys")]
    public void Mistake_names_its_field(string json, string field)
    {
        ProvisioningResult result = ProvisioningParser.Parse(json);

        Assert.False(result.Ok);
        Assert.Equal(field, result.Field);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Theory]
    [InlineData("04ab", "must be 130 hex digits")]
    [InlineData("zz" + "30c957ee1a7298adf934ebe3f16b2a016ec89a2b5fff4378fc5933c50becfe568d1af481b4a8744daea8c7eab70304b5d973de5b5f5de67925ba54192738cd26", "hex digits only")]
    [InlineData("02" + "30c957ee1a7298adf934ebe3f16b2a016ec89a2b5fff4378fc5933c50becfe568d1af481b4a8744daea8c7eab70304b5d973de5b5f5de67925ba54192738cd26", "must start with 04")]
    public void Bad_public_point_is_refused(string point, string reason)
    {
        ProvisioningResult result = ProvisioningParser.Parse(Document(keys: "[{\"tenant\": \"acme\", \"publicPoint\": \"" + point + "\"}]"));

        Assert.Equal("tenantKeys[0].publicPoint", result.Field);
        Assert.Contains(reason, result.Reason);
    }

    const string PointA = "04" + "30c957ee1a7298adf934ebe3f16b2a016ec89a2b5fff4378fc5933c50becfe568d1af481b4a8744daea8c7eab70304b5d973de5b5f5de67925ba54192738cd26";

    [Fact]
    public void Owner_key_is_an_optional_public_point()
    {
        Assert.Null(ProvisioningParser.Parse(Document()).Provisioning.OwnerKey);
        DeviceProvisioning p = ProvisioningParser.Parse(Document(extra: ", \"ownerKey\": \"" + PointA + "\"")).Provisioning;
        Assert.Equal(Convert.FromHexString(PointA), p.OwnerKey);

        ProvisioningResult bad = ProvisioningParser.Parse(Document(extra: ", \"ownerKey\": \"02" + PointA[2..] + "\""));
        Assert.Equal("ownerKey", bad.Field);
        Assert.Contains("must start with 04", bad.Reason);
    }

    [Fact]
    public void Owner_key_may_not_be_a_tenants_key()
    {
        ProvisioningResult result = ProvisioningParser.Parse(Document(keys: "[{\"tenant\": \"acme\", \"publicPoint\": \"" + PointA + "\"}]",
            extra: ", \"ownerKey\": \"" + PointA + "\""));

        Assert.False(result.Ok);
        Assert.Equal("ownerKey", result.Field);
        Assert.Contains("tenant 'acme'", result.Reason);
    }

    [Fact]
    public void Attestation_key_is_optional_hex_of_16_to_64_bytes()
    {
        Assert.Null(ProvisioningParser.Parse(Document()).Provisioning.AttestationKey);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => (byte)i),
            ProvisioningParser.Parse(Document(extra: ", \"attestationKey\": \"000102030405060708090a0b0c0d0e0f\"")).Provisioning.AttestationKey);
        foreach (string bad in new[] { "00", new string('a', 130), "000102030405060708090a0b0c0d0e0", "zz0102030405060708090a0b0c0d0e0f" })
        {
            ProvisioningResult result = ProvisioningParser.Parse(Document(extra: ", \"attestationKey\": \"" + bad + "\""));
            Assert.Equal("attestationKey", result.Field);
        }
    }

    [Fact]
    public void Tenant_listed_twice_is_refused()
    {
        string key = "{\"tenant\": \"acme\", \"publicPoint\": \"" + Point + "\"}";

        ProvisioningResult result = ProvisioningParser.Parse(Document(keys: "[" + key + ", " + key + "]"));

        Assert.Equal("tenantKeys[1].tenant", result.Field);
        Assert.Contains("listed twice", result.Reason);
    }
}
