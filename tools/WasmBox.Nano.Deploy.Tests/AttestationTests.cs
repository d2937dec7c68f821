using WasmBox.Nano.Mqtt;
using System.Security.Cryptography;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Deploy.Tests;

/// <summary>Attestation challenges over a real mosquitto, checked as `wbx attest` checks them.</summary>
public class AttestationTests(Mosquitto mosquitto) : IClassFixture<Mosquitto>
{
    [SkippableFact]
    public async Task The_report_names_the_installed_function_and_verifies_only_with_the_device_key()
    {
        MqttEndpoint broker = mosquitto.Require();
        string id = Devices.NewId("attested");
        byte[] key = RandomNumberGenerator.GetBytes(32);
        await using SimulatedDevice device = await Devices.StartAsync(broker, id, deviceKey: key);
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);
        byte[] bundle = TestBundles.Echo(3, 1000);
        await MqttDeploymentTests.DeployOne(client, id, bundle);
        byte[] nonce = RandomNumberGenerator.GetBytes(16);

        byte[] message = (await client.AttestAsync(id, nonce, Devices.Wait))!;

        Assert.Null(AttestationVerifier.Verify(message, key, nonce, out AttestationReport report));
        Assert.Equal((id, SimulatedDevice.RuntimeVersion), (report.DeviceId, report.RuntimeVersion));
        AttestedFunction f = Assert.Single(report.Functions);
        Assert.Equal(("acme", 1, 3L), (f.Tenant, f.Slot, f.Sequence));
        Assert.Equal(device.Updates.Installed[0].Digest, f.Digest);
        Assert.StartsWith("bad-tag", AttestationVerifier.Verify(message, RandomNumberGenerator.GetBytes(32), nonce, out _));
        Assert.StartsWith("nonce-mismatch", AttestationVerifier.Verify(message, key, RandomNumberGenerator.GetBytes(16), out _));
    }

    [SkippableFact]
    public async Task A_device_without_a_key_or_a_short_nonce_gets_a_refusal()
    {
        MqttEndpoint broker = mosquitto.Require();
        string id = Devices.NewId("keyless");
        await using SimulatedDevice device = await Devices.StartAsync(broker, id);
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);

        byte[] answer = (await client.AttestAsync(id, new byte[16], Devices.Wait))!;

        Assert.Contains("attestation-refused", System.Text.Encoding.UTF8.GetString(answer));
        Assert.NotNull(AttestationVerifier.Verify(answer, new byte[32], new byte[16], out _));
    }
}
