using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Signing.Keyrings;
using WasmBox.Nano.Signing.Keys;
using WasmBox.Nano.TestSupport;

namespace WasmBox.Nano.Deploy.Tests.Policies;

/// <summary>
/// The board owner's policies over the real mosquitto, as the owner runs them: a running tenant
/// function (clang-built tools/samples/policies/tenants/telemetry_publisher.c, which publishes its
/// invocation payload) changes what it may do when `wbx policy deploy` installs a sample policy and
/// again when `wbx policy remove` takes it away, without being reinstalled; a replayed policy and
/// one signed with a tenant's key are refused; decisions reach events, telemetry and the tenant's log.
/// </summary>
public sealed class PolicyEndToEndTests(Mosquitto mosquitto) : IClassFixture<Mosquitto>, IDisposable
{
    private const int EPERM = 1, EACCES = 13;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);
    private readonly string _work = Directory.CreateTempSubdirectory("wbx-policy-e2e-").FullName;

    /// <summary>globex may publish under globex/ and runs when a message arrives on globex/in.</summary>
    private const string TenantPolicy = """
        { "tenants": [
          { "id": "globex", "helpers": ["mqtt_publish"], "topics": ["globex/#"],
            "limits": { "maxContainers": 1, "maxImageBytes": 4096, "ramBytes": 32768, "instructionsPerRun": 5000,
                        "branchesPerRun": 500, "runsPerSecond": 50, "helperCallsPerSecond": 500 } } ] }
        """;

    [SkippableFact]
    public async Task A_deployed_policy_changes_what_a_running_tenant_may_do_and_its_removal_restores_it()
    {
        RequireTools();
        var broker = mosquitto.Require();
        string mqtt = broker.Host + ":" + broker.Port;
        string id = Devices.NewId("policy-e2e");
        await using SimulatedDevice device = await StartDevice(broker, id);
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);
        await using Observer seen = await Observer.StartAsync(broker, client, id);
        await DeployPublisher(client, id);
        Container publisher = device.Runtime.Find("globex", "publisher")!;

        Assert.Equal(0, await Publish(client, id, "hello"));

        WbxResult deployed = Wbx("policy", "deploy", PackPolicy("payload_prefix", "payload-prefix", 1, "owner"), "--mqtt", mqtt, "--device", id, "--json");
        Assert.True(deployed.ExitCode == 0, deployed.ToString());
        Assert.Equal("installed", deployed.Json.GetProperty("status").GetString());
        WbxResult listed = Wbx("policy", "list", "--mqtt", mqtt, "--device", id, "--json");
        JsonElement policy = listed.Json.GetProperty("policies")[0];
        Assert.Equal(("payload-prefix", 1L, "mqtt_publish", "globex"), (policy.GetProperty("name").GetString(), policy.GetProperty("sequence").GetInt64(),
            policy.GetProperty("helpers")[0].GetString(), policy.GetProperty("tenants")[0].GetString()));

        Assert.Equal(-EPERM, await Publish(client, id, "hello"));            // not prefixed with the device id: denied
        Assert.Equal(0, await Publish(client, id, id + ": hello"));           // prefixed: allowed
        Assert.Same(publisher, device.Runtime.Find("globex", "publisher"));  // the same container, never reinstalled
        Assert.Equal(1L, device.Updates.SequenceOf("globex", 1));

        device.Agent.PublishTelemetry();
        await Until(() => seen.Lines.Any(l => l.Line.StartsWith("policy payload-prefix denied mqtt_publish") && l.Line.Contains(" with -1 ")), "the denial in globex's log");
        await Until(() => seen.Messages.Any(m => m.Channel == "events" && m.Text.Contains("\"kind\":\"policy-denied\"")), "a policy-denied event");
        await Until(() => seen.Messages.Any(m => m.Channel == "telemetry"
            && m.Text.Contains("\"policies\":[{\"name\":\"payload-prefix\",\"allowed\":1,\"denied\":1,\"faulted\":0}]")), "the policy's counters in telemetry");
        await Until(() => seen.Messages.Any(m => m.Channel == "events" && m.Text.Contains("\"kind\":\"policy\"") && m.Text.Contains("\"status\":\"installed\"")),
            "the install as an event");

        WbxResult removed = Wbx("policy", "remove", "--key", KeyFile("owner"), "--name", "payload-prefix", "--mqtt", mqtt, "--device", id);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Contains("policy payload-prefix removed at sequence 2", removed.Stdout);
        Assert.Equal(0, await Publish(client, id, "hello"));

        WbxResult replayed = Wbx("policy", "deploy", Path.Combine(_work, "payload-prefix-1.wbp"), "--mqtt", mqtt, "--device", id, "--json");
        Assert.Equal(1, replayed.ExitCode);
        Assert.Equal("replay", replayed.Json.GetProperty("refusal").GetString());

        WbxResult byTenant = Wbx("policy", "deploy", PackPolicy("payload_prefix", "payload-prefix", 9, "globex"), "--mqtt", mqtt, "--device", id, "--json");
        Assert.Equal(1, byTenant.ExitCode);
        Assert.Equal("bad-signature", byTenant.Json.GetProperty("refusal").GetString());
        Assert.Contains("owner", byTenant.Json.GetProperty("reason").GetString());

        Assert.Equal(0, await Publish(client, id, "hello"));  // neither refusal changed anything
        Assert.Empty(device.Runtime.Services.Policies.Installed);
    }

    [SkippableFact]
    public async Task A_policy_over_its_budget_denies_and_is_reported_in_events_and_the_tenants_log()
    {
        RequireTools();
        var broker = mosquitto.Require();
        string id = Devices.NewId("policy-spin");
        await using SimulatedDevice device = await StartDevice(broker, id);
        await using DeviceClient client = await DeviceClient.ConnectAsync(broker);
        await using Observer seen = await Observer.StartAsync(broker, client, id);
        await DeployPublisher(client, id);

        PolicyReply installed = (await client.DeployPolicyAsync(id, File.ReadAllBytes(PackPolicy("spin", "spin", 1, "owner")), Devices.Wait))!;
        Assert.True(installed.Ok, installed.ToString());

        Assert.Equal(-EACCES, await Publish(client, id, id + ": hello"));  // fail closed
        await Until(() => seen.Messages.Any(m => m.Channel == "events" && m.Text.Contains("\"kind\":\"policy-fault\"")
            && m.Text.Contains("policy spin failed")), "a policy-fault event");
        await Until(() => seen.Lines.Any(l => l.Line.Contains("policy spin failed") && l.Line.Contains("fail closed")), "the fault in globex's log");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>
    /// What the owner and the tenant see of the device: globex's log lines as `wbx logs` reads them (on
    /// their own connection: a client holds one handler per topic filter and watching takes "log" too),
    /// and every telemetry, event and state message.
    /// </summary>
    private sealed class Observer : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private DeviceClient? _logClient;
        private IAsyncDisposable? _logs;
        private Task _watching = Task.CompletedTask;

        public ConcurrentQueue<TenantLogMessage> Lines { get; } = new();

        public ConcurrentQueue<DeviceMessage> Messages { get; } = new();

        public static async Task<Observer> StartAsync(MqttEndpoint broker, DeviceClient client, string id)
        {
            var observer = new Observer();
            observer._logClient = await DeviceClient.ConnectAsync(broker);
            observer._logs = await observer._logClient.SubscribeLogsAsync(id, "globex", observer.Lines.Enqueue, CancellationToken.None);
            observer._watching = client.WatchAsync(id, observer.Messages.Enqueue, observer._stop.Token);
            return observer;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _watching;
            await _logs!.DisposeAsync();
            await _logClient!.DisposeAsync();
            _stop.Dispose();
        }
    }

    private async Task<SimulatedDevice> StartDevice(MqttEndpoint broker, string id)
    {
        foreach (string who in new[] { "owner", "globex" })
            Assert.Equal(0, Wbx("keygen", "--tenant", who, "--out", Path.Combine(_work, "keys")).ExitCode);
        return await SimulatedDevice.StartAsync(new SimulatedDeviceOptions
        {
            DeviceId = id,
            Broker = broker,
            PolicyText = TenantPolicy,
            Keyring = new DirectoryKeyring(Path.Combine(_work, "keys")),
            OwnerKey = TenantKeys.LoadPublicKey(Path.Combine(_work, "keys", "owner.pub.pem")),
            TelemetryPeriod = TimeSpan.Zero,
        });
    }

    /// <summary>globex's publisher, built with clang and signed with globex's key, deployed once.</summary>
    private async Task DeployPublisher(DeviceClient client, string id)
    {
        string image = Path.Combine(_work, "publisher.wbi"), bundle = Path.Combine(_work, "publisher.wbx");
        Assert.Equal(0, Wbx("build", Sample("policies/tenants/telemetry_publisher.c"), "-o", image).ExitCode);
        WbxResult packed = Wbx("pack", image, "--key", KeyFile("globex"), "--tenant", "globex", "--slot", "1", "--sequence", "1",
            "--name", "publisher", "--hook", "mqtt:globex/in", "-o", bundle);
        Assert.True(packed.ExitCode == 0, packed.ToString());
        DeployOutcome outcome = (await client.DeployAsync(File.ReadAllBytes(bundle), [id], Devices.Wait))[0];
        Assert.True(outcome.Ok, outcome.ToString());
    }

    /// <summary>`wbx policy build` then `wbx policy pack` for globex's mqtt_publish, signed with <paramref name="signer"/>'s key.</summary>
    private string PackPolicy(string source, string name, long sequence, string signer)
    {
        string image = Path.Combine(_work, source + ".wbi"), signed = Path.Combine(_work, name + "-" + sequence + ".wbp");
        WbxResult built = Wbx("policy", "build", Sample("policies/" + source + ".c"), "--entry", source, "-o", image);
        Assert.True(built.ExitCode == 0, built.ToString());
        WbxResult packed = Wbx("policy", "pack", image, "--key", KeyFile(signer), "--name", name, "--sequence", sequence.ToString(),
            "--helper", "mqtt_publish", "--tenant", "globex", "-o", signed);
        Assert.True(packed.ExitCode == 0, packed.ToString());
        return signed;
    }

    /// <summary>Runs the publisher once with the payload; its r0 is mqtt_publish's result.</summary>
    private static async Task<long> Publish(DeviceClient client, string id, string payload)
    {
        InvokeReply reply = (await client.InvokeAsync(id, "globex", 1, Encoding.ASCII.GetBytes(payload), Devices.Wait))!;
        Assert.True(reply.Ok, reply.ToString());
        return reply.Result;
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        for (int i = 0; i < 200 && !condition(); i++)
            await Task.Delay(100);
        Assert.True(condition(), what + " never arrived");
    }

    private string KeyFile(string who) => Path.Combine(_work, "keys", who + ".key.pem");

    private static string Sample(string path) => RepoFile.Find("tools/samples/" + path)!;

    private WbxResult Wbx(params string[] args) => WbxProcess.Run(_work, CommandTimeout, args);

    private static void RequireTools()
    {
        Skip.If(!File.Exists(WbxProcess.DllPath), "wbx is not built");
        Skip.IfNot((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "clang"))),
            "clang is not installed (Debian package 'clang'); building the tenant and the policies needs it");
    }
}
