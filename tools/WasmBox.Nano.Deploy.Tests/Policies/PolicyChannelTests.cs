using System.Security.Cryptography;
using WasmBox.Nano.Asm;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Signing.Keys;
using WasmBox.Nano.Signing.Policies;

namespace WasmBox.Nano.Deploy.Tests.Policies;

/// <summary>
/// The device's policy channel with the host client, over the real mosquitto and real UDP: CoAP
/// POST policy and GET policies with the same answers as MQTT; what is not a policy, a board without
/// an owner key, and a reboot that keeps the installed policy and its sequence.
/// </summary>
public sealed class PolicyChannelTests(Mosquitto mosquitto) : IClassFixture<Mosquitto>
{
    private static readonly ECDsa OwnerKey = TenantKeys.Generate();

    [SkippableFact]
    public async Task Over_coap_a_policy_installs_lists_is_refused_when_replayed_or_tenant_signed_and_is_removed()
    {
        var broker = mosquitto.Require();
        await using SimulatedDevice device = await Start(broker, Devices.NewId("policy-coap"), TenantKeys.PublicPoint(OwnerKey), coapPort: 0);
        using var coap = new CoapDeviceClient(new BrokerAddress("127.0.0.1", device.CoapEndPoint!.Port));

        PolicyReply installed = coap.DeployPolicy(Guard(1, OwnerKey));
        Assert.True(installed.Ok, installed.ToString());
        Assert.Equal(("installed", "guard", 1L), (installed.Status, installed.Name, installed.Sequence));
        PolicyInfo listed = Assert.Single(coap.Policies().Policies);
        Assert.Equal(("guard", 1L, 64), (listed.Name, listed.Sequence, listed.Budget));
        Assert.Equal(["gpio_write"], listed.Helpers);
        Assert.Equal([TestTenants.Acme], listed.Tenants);

        Assert.Equal("replay", coap.DeployPolicy(Guard(1, OwnerKey)).Refusal);
        Assert.Equal("bad-signature", coap.DeployPolicy(Guard(2, TestTenants.AcmeKey)).Refusal);
        Assert.Equal("bad-manifest", coap.DeployPolicy(TestBundles.Echo(1, 0)).Refusal);   // a function bundle is no policy

        PolicyReply removed = coap.DeployPolicy(PolicySigner.SignRemoval("guard", 2, OwnerKey));
        Assert.Equal(("removed", 2L), (removed.Status, removed.Sequence));
        Assert.Empty(coap.Policies().Policies);
        Assert.Equal("replay", coap.DeployPolicy(Guard(2, OwnerKey)).Refusal);  // the removal keeps the name's sequence
    }

    [SkippableFact]
    public async Task Over_mqtt_what_is_not_a_policy_is_refused_with_its_reason_and_changes_nothing()
    {
        var broker = mosquitto.Require();
        string id = Devices.NewId("policy-junk");
        await using SimulatedDevice device = await Start(broker, id, TenantKeys.PublicPoint(OwnerKey));
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);

        Assert.Equal("malformed", (await client.DeployPolicyAsync(id, [0x82, 0x01], Devices.Wait))!.Refusal);
        Assert.Equal("bad-manifest", (await client.DeployPolicyAsync(id, TestBundles.Echo(1, 0), Devices.Wait))!.Refusal);
        Assert.Equal("bad-signature", (await client.DeployPolicyAsync(id, Guard(1, TestTenants.GlobexKey), Devices.Wait))!.Refusal);
        Assert.Equal("no-such-function", (await client.DeployPolicyAsync(id, PolicySigner.SignRemoval("guard", 1, OwnerKey), Devices.Wait))!.Refusal);

        Assert.Empty(device.Runtime.Services.Policies.Installed);
        Assert.Empty((await client.GetPoliciesAsync(id, Devices.Wait))!.Policies);
        Assert.True((await client.DeployPolicyAsync(id, Guard(1, OwnerKey), Devices.Wait))!.Ok, "the first real policy still installs at 1");
    }

    [SkippableFact]
    public async Task A_board_without_an_owner_key_refuses_every_policy_saying_so()
    {
        var broker = mosquitto.Require();
        string id = Devices.NewId("policy-nokey");
        await using SimulatedDevice device = await Start(broker, id, ownerKey: null);
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);

        PolicyReply reply = (await client.DeployPolicyAsync(id, Guard(1, OwnerKey), Devices.Wait))!;

        Assert.Equal("bad-signature", reply.Refusal);
        Assert.Contains("no owner key", reply.Reason);
        Assert.Empty(device.Runtime.Services.Policies.Installed);
    }

    [SkippableFact]
    public async Task After_a_restart_the_board_enforces_and_lists_its_policy_and_refuses_the_old_sequence()
    {
        var broker = mosquitto.Require();
        string id = Devices.NewId("policy-reboot");
        string drive = Directory.CreateTempSubdirectory("wbx-policy-drive-").FullName;
        try
        {
            await using (SimulatedDevice first = await Start(broker, id, TenantKeys.PublicPoint(OwnerKey), storage: drive))
            await using (DeviceClient client = await DeviceClient.ConnectAsync(broker))
                Assert.True((await client.DeployPolicyAsync(id, Guard(3, OwnerKey), Devices.Wait))!.Ok);

            await using SimulatedDevice second = await Start(broker, id, TenantKeys.PublicPoint(OwnerKey), storage: drive);
            await using DeviceClient again = await DeviceClient.ConnectAsync(broker);

            Assert.Equal(3L, Assert.Single((await again.GetPoliciesAsync(id, Devices.Wait))!.Policies).Sequence);
            Assert.NotNull(second.Runtime.Services.Policies.Find("guard"));
            Assert.Equal("replay", (await again.DeployPolicyAsync(id, Guard(2, OwnerKey), Devices.Wait))!.Refusal);
        }
        finally
        {
            Directory.Delete(drive, recursive: true);
        }
    }

    /// <summary>Policy "guard" on acme's gpio_write, budget 64: denies with -EBUSY (mov r0, -16; exit).</summary>
    private static byte[] Guard(long sequence, ECDsa signer) =>
        PolicySigner.Sign(new FunctionImage(Assembler.Assemble("mov %r0, -16\nexit"), [], [], 0, [new EntryPoint("decide", 0)]),
            new PolicyFields("guard", sequence, [HelperIds.GpioWrite], [TestTenants.Acme], 64), signer);

    private static Task<SimulatedDevice> Start(MqttEndpoint broker, string id, byte[]? ownerKey, int? coapPort = null, string? storage = null) =>
        Devices.StartAsync(broker, id, coapPort: coapPort, storage: storage, ownerKey: ownerKey);
}
