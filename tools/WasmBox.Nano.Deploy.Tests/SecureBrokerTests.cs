using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Protocol;
using WasmBox.Nano.TestSupport;

namespace WasmBox.Nano.Deploy.Tests;

/// <summary>
/// TLS, credentials and the fleet ACL (tools/brokers/mosquitto/fleet.acl) on a mosquitto whose
/// certificates and password file are made when it starts; the refusals as `wbx` prints them.
/// </summary>
public class SecureBrokerTests(SecureMosquitto mosquitto) : IClassFixture<SecureMosquitto>
{
    private static readonly TimeSpan WbxTimeout = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task A_deploy_over_tls_with_passwords_reaches_the_device_and_comes_back()
    {
        await using SimulatedDevice device = await Devices.StartAsync(mosquitto.Tls("board-a"), "board-a");
        await using DeviceClient client = await DeviceClient.ConnectAsync(mosquitto.Tls("deployer"));

        UpdateReply reply = await MqttDeploymentTests.DeployOne(client, "board-a", TestBundles.Echo(1, 1000));

        Assert.True(reply.Ok, reply.ToString());
        Assert.Equal(("acme", 1, 1L), (reply.Tenant, reply.Slot, reply.Sequence));
        Assert.Single(device.Updates.Installed);
    }

    [SkippableFact]
    public async Task Wbx_with_a_client_certificate_reads_a_device_state()
    {
        await using SimulatedDevice device = await Devices.StartAsync(mosquitto.Plain("board-c"), "board-c");
        MqttEndpoint withCertificate = mosquitto.ClientCertificate();

        WbxResult status = WbxProcess.Run(null, WbxTimeout, "status", "--mqtt", withCertificate.ToString(), "--ca", withCertificate.CaFile!,
            "--cert", withCertificate.ClientCertFile!, "--cert-key", withCertificate.ClientKeyFile!, "--device", "board-c", "--timeout", "20");

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.StartsWith("board-c: online", status.Stdout);
    }

    [SkippableFact]
    public void Wbx_over_tls_with_the_password_from_the_environment_reads_a_device_state()
    {
        MqttEndpoint tls = mosquitto.Tls("monitor");

        WbxResult withEnvironment = RunWithPassword("monitor", "status", "--mqtt", "mqtts://127.0.0.1:" + tls.Port, "--ca", mosquitto.CaFile,
            "--user", "monitor", "--device", "nobody-here", "--timeout", "1");
        // Connected and asked: the broker holds no state for that id (exit 1, but no error line).
        Assert.Equal("", withEnvironment.Stderr);
        Assert.StartsWith("nobody-here: unknown", withEnvironment.Stdout);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "wrong CA", "failed (" },
        { "no credentials", "wants credentials (not authorised): give --user and --password" },
        { "wrong password", "refused user 'deployer' (not authorised): check --user and --password" },
        { "plain client on the TLS port", "cannot connect to the MQTT broker at mqtt://127.0.0.1:" },
    };

    [SkippableTheory]
    [MemberData(nameof(Refusals))]
    public void A_refused_connection_is_one_clear_line(string refusal, string expected)
    {
        MqttEndpoint plain = mosquitto.Plain("deployer"), tls = mosquitto.Tls("deployer");
        string[] args = refusal switch
        {
            "wrong CA" => ["--mqtt", tls.ToString(), "--ca", mosquitto.OtherCaFile, "--user", "deployer", "--password", "pw-deployer"],
            "no credentials" => ["--mqtt", plain.ToString()],
            "wrong password" => ["--mqtt", plain.ToString(), "--user", "deployer", "--password", "not-the-password"],
            _ => ["--mqtt", "mqtt://127.0.0.1:" + tls.Port, "--user", "deployer", "--password", "pw-deployer"],
        };

        WbxResult result = WbxProcess.Run(null, WbxTimeout, ["status", "--device", "board-c", .. args]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("wbx: error: ", line);
        Assert.Contains(expected, line);
        if (refusal == "wrong CA")
            Assert.Contains("check that --ca is the CA that signed the broker's certificate", line);
    }

    [SkippableFact]
    public void Nothing_is_sent_in_clear_when_mqtts_is_asked()
    {
        const string Password = "s3cret-never-in-clear";
        // The control: over mqtt:// the same command sends the password in the clear.
        byte[] clear = Capture(port => WbxProcess.Run(null, WbxTimeout, "status", "--mqtt", "mqtt://127.0.0.1:" + port,
            "--user", "deployer", "--password", Password, "--device", "board-c"));
        Assert.Contains(Password, Encoding.ASCII.GetString(clear));

        byte[] sent = Capture(port => WbxProcess.Run(null, WbxTimeout, "status", "--mqtt", "mqtts://127.0.0.1:" + port,
            "--user", "deployer", "--password", Password, "--device", "board-c"));

        Assert.Equal(0x16, sent[0]); // a TLS handshake record: the ClientHello
        Assert.Equal(0x03, sent[1]);
        string text = Encoding.ASCII.GetString(sent);
        Assert.DoesNotContain(Password, text);
        Assert.DoesNotContain("MQTT", text);
        Assert.DoesNotContain("deployer", text);
    }

    [SkippableFact]
    public async Task A_devices_credentials_cannot_deploy_to_another_device_nor_read_its_attestation()
    {
        byte[] key = RandomNumberGenerator.GetBytes(32);
        await using SimulatedDevice victim = await Devices.StartAsync(mosquitto.Plain("board-b"), "board-b", deviceKey: key);
        await using DeviceClient deployer = await DeviceClient.ConnectAsync(mosquitto.Tls("deployer"));
        await using var intruder = new MqttSession(new MqttSessionOptions { Endpoint = mosquitto.Plain("board-a"), ClientId = "intruder" });
        await intruder.ConnectAsync();
        var inbox = System.Threading.Channels.Channel.CreateUnbounded<MqttMessage>();
        var topics = new DeviceTopics("board-b");

        // A validly signed bundle, published with board-a's credentials to board-b's deploy topic:
        // the broker acknowledges it (MQTT 3.1.1 cannot say no) and drops it.
        await intruder.PublishAsync(topics.Deploy, TestBundles.Echo(1, 1000), MqttQos.AtLeastOnce);
        // The deployer's bundle comes later on the same broker, so board-b would have handled the
        // intruder's first: it is a fresh install, not an update of sequence 1.
        UpdateReply reply = await MqttDeploymentTests.DeployOne(deployer, "board-b", TestBundles.Echo(2, 2000));
        Assert.Equal(("installed", 2L), (reply.Status, reply.Sequence));
        Assert.Equal(2L, Assert.Single(victim.Updates.Installed).Sequence);

        // Reading board-b's attestation: refused at SUBSCRIBE, or never delivered.
        try
        {
            await intruder.SubscribeAsync(topics.AttestReport, MqttQos.AtLeastOnce, m => inbox.Writer.TryWrite(m));
        }
        catch (MqttSubscribeException)
        {
            // mosquitto may answer the SUBSCRIBE with failure; the delivery check below holds either way.
        }
        await intruder.SubscribeAsync(new DeviceTopics("board-a").Deploy, MqttQos.AtLeastOnce, m => inbox.Writer.TryWrite(m));
        Assert.NotNull(await deployer.AttestAsync("board-b", RandomNumberGenerator.GetBytes(16), Devices.Wait));
        // Published after the report reached the deployer: a report delivered to the intruder would come first.
        await using (var marker = new MqttSession(new MqttSessionOptions { Endpoint = mosquitto.Plain("deployer"), ClientId = "marker" }))
        {
            await marker.ConnectAsync();
            await marker.PublishAsync(new DeviceTopics("board-a").Deploy, "marker"u8.ToArray(), MqttQos.AtLeastOnce);
        }
        MqttMessage first = await inbox.Reader.ReadAsync().AsTask().WaitAsync(Devices.Wait);
        Assert.Equal("board-a deploy marker", "board-a " + first.Topic.Split('/')[2] + " " + Encoding.ASCII.GetString(first.Payload));
    }

    /// <summary>Runs <paramref name="wbx"/> against a TCP listener that records what arrives and answers nothing.</summary>
    private static byte[] Capture(Func<int, WbxResult> wbx)
    {
        Skip.If(!File.Exists(WbxProcess.DllPath), "wbx is not built");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Task<byte[]> received = Task.Run(async () =>
        {
            using TcpClient peer = await listener.AcceptTcpClientAsync();
            NetworkStream stream = peer.GetStream();
            var bytes = new MemoryStream();
            var buffer = new byte[4096];
            // The first record: a ClientHello over TLS, the CONNECT packet over plain TCP.
            while (bytes.Length < 5 || bytes.Length < RecordLength(bytes.ToArray()))
            {
                int n = await stream.ReadAsync(buffer);
                if (n == 0)
                    break;
                bytes.Write(buffer, 0, n);
            }
            return bytes.ToArray();
        });
        WbxResult result = wbx(port);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("wbx: error: ", result.Stderr);
        return received.Wait(TimeSpan.FromSeconds(30)) ? received.Result : throw new TimeoutException("nothing arrived");
    }

    /// <summary>A TLS record's length with its header, or an MQTT packet's (fixed header + remaining length).</summary>
    private static int RecordLength(byte[] b)
    {
        if (b[0] == 0x16)
            return 5 + (b[3] << 8 | b[4]);
        int length = 0, multiplier = 1, i = 1;
        for (; i < b.Length && i < 5; i++)
        {
            length += (b[i] & 0x7F) * multiplier;
            multiplier *= 128;
            if ((b[i] & 0x80) == 0)
                return 1 + i + length;
        }
        return int.MaxValue;
    }

    private static WbxResult RunWithPassword(string user, params string[] args) =>
        WbxProcess.RunWithEnvironment(new Dictionary<string, string?> { [BrokerPasswordVariable] = SecureMosquitto.PasswordOf(user) },
            null, WbxTimeout, args);

    private const string BrokerPasswordVariable = "WBX_MQTT_PASSWORD";
}
