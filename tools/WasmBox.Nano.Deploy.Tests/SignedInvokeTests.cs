using System.Text;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Signing.Keys;
using WasmBox.Nano.TestSupport;

namespace WasmBox.Nano.Deploy.Tests;

/// <summary>
/// A tenant whose policy says "signedInvokes" (vault) on a simulated device over the real
/// mosquitto and real UDP: only invocations signed with its key, for this device and slot, with a
/// fresh counter and the payload they were signed over, run.
/// </summary>
public class SignedInvokeTests(Mosquitto mosquitto) : IClassFixture<Mosquitto>
{
    private const int Marker = 1000;

    [SkippableFact]
    public async Task Over_mqtt_signed_runs_and_unsigned_replayed_foreign_key_and_tampered_are_refused()
    {
        var broker = mosquitto.Require();
        string id = Devices.NewId("signed");
        await using SimulatedDevice device = await Devices.StartAsync(broker, id);
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);
        Assert.True((await MqttDeploymentTests.DeployOne(client, id, VaultEcho())).Ok);
        byte[] payload = Encoding.ASCII.GetBytes("open sesame");
        long counter = InvokeSigner.NextCounter();
        byte[] signed = InvokeSigner.Sign(id, TestTenants.Vault, 1, counter, payload, TestTenants.VaultKey);

        InvokeReply accepted = (await client.InvokeAsync(id, TestTenants.Vault, 1, signed, Devices.Wait))!;
        Assert.True(accepted.Ok, accepted.ToString());
        Assert.Equal(payload.Length + Marker, accepted.Result);

        Assert.Equal("signature-required", await Refusal(client, id, payload));
        Assert.Equal("replay", await Refusal(client, id, signed));
        Assert.Equal("bad-signature", await Refusal(client, id,
            InvokeSigner.Sign(id, TestTenants.Vault, 1, counter + 1, payload, TestTenants.AcmeKey)));
        byte[] tampered = InvokeSigner.Sign(id, TestTenants.Vault, 1, counter + 2, payload, TestTenants.VaultKey);
        tampered[^1] ^= 0x01;
        Assert.Equal("digest-mismatch", await Refusal(client, id, tampered));
        Assert.Equal("wrong-target", await Refusal(client, id,
            InvokeSigner.Sign("another-board", TestTenants.Vault, 1, counter + 3, payload, TestTenants.VaultKey)));

        Assert.Equal(1, device.Runtime.Find(TestTenants.Vault, "echo")!.Counters.Runs);
        Assert.Equal(counter, device.Service.LastInvokeCounter(TestTenants.Vault, 1));
        // A later counter signed by the tenant still runs after all those refusals.
        InvokeReply next = (await client.InvokeAsync(id, TestTenants.Vault, 1,
            InvokeSigner.Sign(id, TestTenants.Vault, 1, counter + 4, payload, TestTenants.VaultKey), Devices.Wait))!;
        Assert.True(next.Ok, next.ToString());
    }

    [SkippableFact]
    public async Task Over_coap_signed_runs_and_unsigned_and_replayed_are_refused_unauthorized()
    {
        var broker = mosquitto.Require();
        string id = Devices.NewId("signed-coap");
        await using SimulatedDevice device = await Devices.StartAsync(broker, id, coapPort: 0);
        await using (DeviceClient client = await DeviceClient.ConnectAsync(broker))
            Assert.True((await MqttDeploymentTests.DeployOne(client, id, VaultEcho())).Ok);
        using var coap = new CoapDeviceClient(new BrokerAddress("127.0.0.1", device.CoapEndPoint!.Port));
        byte[] payload = new byte[100]; // within the tenant's payloadBytes (128), which would cut a longer one
        byte[] signed = InvokeSigner.Sign(id, TestTenants.Vault, 1, InvokeSigner.NextCounter(), payload, TestTenants.VaultKey);

        InvokeReply accepted = coap.Invoke(TestTenants.Vault, 1, signed);
        Assert.True(accepted.Ok, accepted.ToString());
        Assert.Equal(payload.Length + Marker, accepted.Result);
        Assert.Equal("signature-required", coap.Invoke(TestTenants.Vault, 1, payload).Refusal);
        Assert.Equal("replay", coap.Invoke(TestTenants.Vault, 1, signed).Refusal);
        Assert.Equal(1, device.Runtime.Find(TestTenants.Vault, "echo")!.Counters.Runs);
    }

    [SkippableFact]
    public async Task Wbx_invoke_with_key_signs_and_without_it_is_refused()
    {
        Skip.If(!File.Exists(WbxProcess.DllPath), "wbx is not built");
        var broker = mosquitto.Require();
        string id = Devices.NewId("signed-cli");
        await using SimulatedDevice device = await Devices.StartAsync(broker, id);
        await using (DeviceClient client = await DeviceClient.ConnectAsync(broker))
            Assert.True((await MqttDeploymentTests.DeployOne(client, id, VaultEcho())).Ok);
        string keyFile = Path.Combine(Path.GetTempPath(), "vault-" + id + ".key.pem");
        File.WriteAllText(keyFile, TenantKeys.PrivateKeyPem(TestTenants.VaultKey));
        try
        {
            string[] invoke = ["invoke", "--mqtt", broker.Host + ":" + broker.Port, "--device", id, "--tenant", TestTenants.Vault,
                "--slot", "1", "--payload", "hi"];

            WbxResult signed = WbxProcess.Run(null, Devices.Wait * 3, [.. invoke, "--key", keyFile]);
            WbxResult unsigned = WbxProcess.Run(null, Devices.Wait * 3, invoke);

            Assert.True(signed.ExitCode == 0, signed.ToString());
            Assert.Contains("vault/1 (echo): ok, r0 = " + (2 + Marker), signed.Stdout);
            Assert.NotEqual(0, unsigned.ExitCode);
            Assert.Contains("refused (signature-required)", unsigned.Stdout);
            Assert.Equal(1, device.Runtime.Find(TestTenants.Vault, "echo")!.Counters.Runs);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    private static byte[] VaultEcho() => TestBundles.Echo(1, Marker, tenant: TestTenants.Vault,
        hook: new HookRequest { Kind = HookKind.Mqtt, Path = "vault/in" });

    private static async Task<string?> Refusal(DeviceClient client, string id, byte[] message)
    {
        InvokeReply reply = (await client.InvokeAsync(id, TestTenants.Vault, 1, message, Devices.Wait))!;
        Assert.False(reply.Ok);
        Assert.NotNull(reply.Reason);
        return reply.Refusal;
    }
}
