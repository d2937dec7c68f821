using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using WasmBox.Nano.Mqtt.Tests.Support;
using WasmBox.Nano.TestSupport;

namespace WasmBox.Nano.Mqtt.Tests;

/// <summary>The built-in broker (`wbx broker`) with the sessions `wbx` and the simulated devices use.</summary>
public sealed class LocalBrokerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wbx-broker-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Delivers_retained_messages_and_the_last_will_with_credentials_checked()
    {
        await using LocalBroker broker = await LocalBroker.StartAsync(new LocalBrokerOptions { Port = LoopbackPort.Free(), UserName = "op", Password = "pw" });
        MqttEndpoint endpoint = broker.Plain! with { UserName = "op", Password = "pw" };
        await using MqttSession watcher = await ConnectAsync(endpoint, "watcher");
        var will = new MqttLastWill("wbx/b/state", Encoding.UTF8.GetBytes("offline"), MqttQos.AtLeastOnce, Retain: true);
        MqttSession board = await ConnectAsync(endpoint, "board", will);
        await board.PublishAsync("wbx/b/state", Encoding.UTF8.GetBytes("online"), MqttQos.AtLeastOnce, retain: true);
        var inbox = new Inbox();
        await watcher.SubscribeAsync("wbx/+/state", MqttQos.AtLeastOnce, inbox.Add);
        MqttMessage retained = await inbox.NextAsync();
        Assert.Equal(("online", true), (Encoding.UTF8.GetString(retained.Payload), retained.Retain));

        board.Abort();

        Assert.Equal("offline", Encoding.UTF8.GetString((await inbox.NextAsync()).Payload));
    }

    [Fact]
    public async Task Refuses_missing_and_wrong_credentials_saying_which()
    {
        await using LocalBroker broker = await LocalBroker.StartAsync(new LocalBrokerOptions { Port = LoopbackPort.Free(), UserName = "op", Password = "pw" });

        var none = await Assert.ThrowsAsync<MqttConnectException>(() => ConnectAsync(broker.Plain!, "anonymous"));
        var wrong = await Assert.ThrowsAsync<MqttConnectException>(() => ConnectAsync(broker.Plain! with { UserName = "op", Password = "nope" }, "guesser"));

        Assert.Contains("wants credentials", none.Message);
        Assert.Contains("refused user 'op'", wrong.Message);
    }

    [Fact]
    public async Task Serves_tls_to_clients_that_trust_its_ca_only()
    {
        (string ca, string cert, string key) = MakeCertificates("ca");
        (string otherCa, _, _) = MakeCertificates("other");
        await using LocalBroker broker = await LocalBroker.StartAsync(new LocalBrokerOptions
        {
            Port = null, TlsPort = LoopbackPort.Free(), CertFile = cert, KeyFile = key,
        });
        Assert.Null(broker.Plain);

        await using MqttSession trusted = await ConnectAsync(broker.Tls! with { CaFile = ca }, "trusted");
        var inbox = new Inbox();
        await trusted.SubscribeAsync("t", MqttQos.AtLeastOnce, inbox.Add);
        await trusted.PublishAsync("t", [7], MqttQos.AtLeastOnce);
        Assert.Equal([7], (await inbox.NextAsync()).Payload);

        var refused = await Assert.ThrowsAsync<MqttConnectException>(() => ConnectAsync(broker.Tls! with { CaFile = otherCa }, "distrustful"));
        Assert.StartsWith("TLS with the MQTT broker at mqtts://127.0.0.1:", refused.Message);
    }

    [Fact]
    public async Task A_port_in_use_is_an_error_that_says_so()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var e = await Assert.ThrowsAsync<IOException>(() => LocalBroker.StartAsync(new LocalBrokerOptions { Port = port }));

        Assert.Contains("cannot listen on 127.0.0.1 port " + port, e.Message);
    }

    private static async Task<MqttSession> ConnectAsync(MqttEndpoint endpoint, string clientId, MqttLastWill? will = null)
    {
        var session = new MqttSession(new MqttSessionOptions { Endpoint = endpoint, ClientId = clientId, Will = will, Timeout = Wait.Timeout });
        await session.ConnectAsync().WaitAsync(Wait.Timeout);
        return session;
    }

    /// <summary>A CA and a broker certificate for 127.0.0.1 it signed, as PEM files.</summary>
    private (string Ca, string Cert, string Key) MakeCertificates(string name)
    {
        using ECDsa caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=wbx test " + name, caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using X509Certificate2 ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        using ECDsa serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using X509Certificate2 server = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(8));
        string caPath = Path.Combine(_dir, name + "-ca.pem"), certPath = Path.Combine(_dir, name + "-server.pem"), keyPath = Path.Combine(_dir, name + "-server.key");
        File.WriteAllText(caPath, ca.ExportCertificatePem());
        File.WriteAllText(certPath, server.ExportCertificatePem());
        File.WriteAllText(keyPath, serverKey.ExportPkcs8PrivateKeyPem());
        return (caPath, certPath, keyPath);
    }

}
