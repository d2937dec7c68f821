using WasmBox.Nano.Mqtt;
using System.Text;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.Protocol;

namespace WasmBox.Nano.Deploy.Tests;

/// <summary>The client `wbx` uses → a real mosquitto → a simulated device → the result, for every operation.</summary>
public class MqttDeploymentTests(Mosquitto mosquitto) : IClassFixture<Mosquitto>
{
    private static readonly byte[] Hello = "hello"u8.ToArray();

    [SkippableFact]
    public async Task Deploy_invoke_update_rollback_remove()
    {
        MqttEndpoint broker = mosquitto.Require();
        string id = Devices.NewId("lifecycle");
        await using SimulatedDevice device = await Devices.StartAsync(broker, id);
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);

        UpdateReply installed = await DeployOne(client, id, TestBundles.Echo(1, 1000));
        Assert.True(installed.Ok, installed.ToString());
        Assert.Equal(("installed", "acme", 1, 1L), (installed.Status, installed.Tenant, installed.Slot, installed.Sequence));
        Assert.Equal(1005, (await Invoke(client, id)).Result);

        UpdateReply updated = await DeployOne(client, id, TestBundles.Echo(2, 2000));
        Assert.Equal(("updated", 2L), (updated.Status, updated.Sequence));
        Assert.Equal(2005, (await Invoke(client, id)).Result);

        UpdateReply rolledBack = (await client.SendCommandAsync(id, UpdateOperation.Rollback,
            CommandSigner.Sign(UpdateOperation.Rollback, "acme", 1, 3, TestTenants.AcmeKey), Devices.Wait))!;
        Assert.Equal(("rollback", true, "rolled-back"), (rolledBack.Op, rolledBack.Ok, rolledBack.Status));
        Assert.Equal(1005, (await Invoke(client, id)).Result);

        DeviceState state = (await client.GetStateAsync(id, Devices.Wait))!;
        Assert.True(state.Online);
        FunctionState echo = Assert.Single(state.Functions!);
        Assert.Equal(("acme", 1, "echo", "running"), (echo.Tenant, echo.Slot, echo.Name, echo.State));

        UpdateReply removed = (await client.SendCommandAsync(id, UpdateOperation.Remove,
            CommandSigner.Sign(UpdateOperation.Remove, "acme", 1, 4, TestTenants.AcmeKey), Devices.Wait))!;
        Assert.Equal(("remove", "removed"), (removed.Op, removed.Status));
        InvokeReply gone = await Invoke(client, id);
        Assert.Equal((false, "no-such-function"), (gone.Ok, gone.Refusal));
        Assert.Empty((await client.GetStateAsync(id, Devices.Wait))!.Functions!);
        Assert.Empty(device.Updates.Installed);
    }

    public static TheoryData<string, string> RefusedCases => new()
    {
        { "bad signature", "bad-signature" },
        { "other tenant's key", "bad-signature" },
        { "replayed older sequence", "replay" },
        { "needs beyond grants", "needs-exceed-grants" },
        { "verifier failure", "verifier-failed" },
        { "oversized bundle", "too-large" },
        { "garbage payload", "malformed" },
    };

    [SkippableTheory]
    [MemberData(nameof(RefusedCases))]
    public async Task Refusals_come_back_with_their_reason_and_change_nothing(string refusedCase, string reason)
    {
        MqttEndpoint broker = mosquitto.Require();
        string id = Devices.NewId("refusal");
        await using SimulatedDevice device = await Devices.StartAsync(broker, id);
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);
        Assert.True((await DeployOne(client, id, TestBundles.Echo(5, 1000, slot: 2))).Ok);
        var before = device.Updates.Installed.Select(f => (f.Tenant, f.Slot, f.Sequence)).ToArray();

        UpdateReply reply = await DeployOne(client, id, refusedCase switch
        {
            "bad signature" => TestBundles.BadSignature(1),
            "other tenant's key" => TestBundles.Echo(9, 1000, slot: 3, key: TestTenants.GlobexKey),
            "replayed older sequence" => TestBundles.Echo(4, 3000, slot: 2),
            "needs beyond grants" => TestBundles.NeedsTooMuch(1),
            "verifier failure" => TestBundles.Unverifiable(1),
            "oversized bundle" => new byte[BundleReader.MaxBundleBytes + 1],
            _ => Encoding.UTF8.GetBytes("this is not a bundle"),
        });

        Assert.False(reply.Ok);
        Assert.Equal(("refused", reason), (reply.Status, reply.Refusal));
        Assert.False(string.IsNullOrEmpty(reply.Reason));
        Assert.Equal(before, device.Updates.Installed.Select(f => (f.Tenant, f.Slot, f.Sequence)).ToArray());
        Assert.Equal(1005, (await Invoke(client, id, slot: 2)).Result);
    }

    [SkippableFact]
    public async Task A_fleet_deploy_reports_every_device_and_times_out_the_missing_one()
    {
        MqttEndpoint broker = mosquitto.Require();
        string[] ids = [Devices.NewId("pair"), Devices.NewId("pair")];
        await using SimulatedDevice first = await Devices.StartAsync(broker, ids[0]);
        await using SimulatedDevice second = await Devices.StartAsync(broker, ids[1]);
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);
        var heard = new List<string>();

        var outcomes = await client.DeployAsync(TestBundles.Echo(1, 1000), [.. ids, "nobody-home"], TimeSpan.FromSeconds(3),
            o => { lock (heard) heard.Add(o.DeviceId); });

        Assert.All(outcomes.Take(2), o => Assert.Equal("installed", o.Reply?.Status));
        Assert.True(outcomes[2].TimedOut);
        Assert.Equal(3, heard.Count);
    }

    [SkippableFact]
    public async Task Retained_state_is_online_and_the_last_will_says_offline_when_the_device_dies()
    {
        MqttEndpoint broker = mosquitto.Require();
        string id = Devices.NewId("mortal");
        SimulatedDevice device = await Devices.StartAsync(broker, id);
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);
        Assert.True((await client.GetStateAsync(id, Devices.Wait))?.Online);

        device.Kill();

        DeviceState? state = null;
        for (int i = 0; i < 100 && state?.Online != false; i++)
        {
            await Task.Delay(100);
            state = await client.GetStateAsync(id, Devices.Wait);
        }
        Assert.Equal((id, false), (state!.Device, state.Online));
    }

    [SkippableFact]
    public async Task A_restarted_device_comes_back_online_with_its_functions_and_sequences()
    {
        MqttEndpoint broker = mosquitto.Require();
        string id = Devices.NewId("phoenix");
        string storage = Directory.CreateTempSubdirectory("wbx-phoenix-").FullName;
        try
        {
            await using (DeviceClient client = await DeviceClient.ConnectAsync(broker))
            {
                SimulatedDevice first = await Devices.StartAsync(broker, id, storage: storage);
                await DeployOne(client, id, TestBundles.Echo(2, 1000));
                first.Kill();
            }
            await using SimulatedDevice second = await Devices.StartAsync(broker, id, storage: storage);
            await using DeviceClient again = await DeviceClient.ConnectAsync(broker);

            // The old connection's Last Will may reach the broker after the new "online"; the
            // device then puts "online" back, so the retained state settles on online.
            DeviceState? state = null;
            for (int i = 0; i < 100 && state?.Online != true; i++)
            {
                state = await again.GetStateAsync(id, Devices.Wait);
                if (state?.Online != true)
                {
                    await Task.Delay(100);
                }
            }
            Assert.True(state!.Online);
            Assert.Equal(2, Assert.Single(state.Functions!).Sequence);
            Assert.Equal(1005, (await Invoke(again, id)).Result);
            Assert.Equal("replay", (await DeployOne(again, id, TestBundles.Echo(2, 3000))).Refusal);
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_clean_shutdown_leaves_offline_retained_too()
    {
        MqttEndpoint broker = mosquitto.Require();
        string id = Devices.NewId("tidy");
        await (await Devices.StartAsync(broker, id)).DisposeAsync();
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);

        Assert.False((await client.GetStateAsync(id, Devices.Wait))!.Online);
    }

    [SkippableFact]
    public async Task Events_and_telemetry_report_installs_and_runs()
    {
        MqttEndpoint broker = mosquitto.Require();
        string id = Devices.NewId("watched");
        await using SimulatedDevice device = await Devices.StartAsync(broker, id, telemetry: TimeSpan.FromMilliseconds(200));
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);
        var messages = new List<DeviceMessage>();
        var sawRun = new TaskCompletionSource();
        using var stop = new CancellationTokenSource(Devices.Wait);
        Task watching = client.WatchAsync(id, m =>
        {
            lock (messages) messages.Add(m);
            if (m.Channel == "telemetry" && m.Text.Contains("\"runs\":1"))
                sawRun.TrySetResult();
        }, stop.Token);
        await using DeviceClient operatorClient = await DeviceClient.ConnectAsync(broker);

        await DeployOne(operatorClient, id, TestBundles.Echo(1, 1000));
        await Invoke(operatorClient, id);
        await sawRun.Task.WaitAsync(Devices.Wait);
        stop.Cancel();
        await watching;

        lock (messages)
        {
            Assert.Contains(messages, m => m.Channel == "events" && m.Text.Contains("\"kind\":\"update\"") && m.Text.Contains("\"status\":\"installed\""));
            Assert.Contains(messages, m => m.Channel == "events" && m.Text.Contains("\"kind\":\"installed\""));
            Assert.Contains(messages, m => m.Channel == "state" && m.Text.Contains("\"echo\""));
        }
    }

    [SkippableFact]
    public async Task Invoking_with_a_payload_over_the_limit_is_refused()
    {
        MqttEndpoint broker = mosquitto.Require();
        string id = Devices.NewId("big-invoke");
        await using SimulatedDevice device = await Devices.StartAsync(broker, id);
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);
        await DeployOne(client, id, TestBundles.Echo(1, 1000));

        InvokeReply reply = (await client.InvokeAsync(id, "acme", 1, new byte[DeviceService.DefaultMaxInvokeBytes + 1], Devices.Wait))!;

        Assert.Equal((false, "too-large"), (reply.Ok, reply.Refusal));
    }

    internal static async Task<UpdateReply> DeployOne(DeviceClient client, string id, byte[] bundle)
    {
        var outcomes = await client.DeployAsync(bundle, [id], Devices.Wait);
        return Assert.Single(outcomes).Reply ?? throw new Xunit.Sdk.XunitException("no deploy result from " + id);
    }

    private static async Task<InvokeReply> Invoke(DeviceClient client, string id, int slot = 1) =>
        await client.InvokeAsync(id, "acme", slot, Hello, Devices.Wait) ?? throw new Xunit.Sdk.XunitException("no invocation result");
}
