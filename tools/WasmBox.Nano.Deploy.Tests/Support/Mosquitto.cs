using WasmBox.Nano.Mqtt;

namespace WasmBox.Nano.Deploy.Tests.Support;

/// <summary>
/// A private mosquitto on 127.0.0.1 for one test class, started and stopped through
/// tools/test-peers/mosquitto.sh; a test that needs it is skipped when mosquitto is absent.
/// </summary>
public abstract class MosquittoPeer : IDisposable
{
    private static readonly string? Script = RepoFile.Find("tools/test-peers/mosquitto.sh");
    private readonly string[]? _started;

    /// <param name="arguments">"start" [PORT] or "start-secure": what the script prints is kept in <see cref="Started"/>.</param>
    protected MosquittoPeer(params string[] arguments)
    {
        if (!IsInstalled() || Script is null)
            return;
        _started = Run(arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>What the script printed (ports, then the secure broker's directory); skips the calling test when there is no broker.</summary>
    protected string[] Started
    {
        get
        {
            Skip.If(!IsInstalled(), "mosquitto is not installed (Debian package 'mosquitto'); the MQTT end-to-end tests need it");
            Skip.If(_started is null, "tools/test-peers/mosquitto.sh was not found above the test binaries");
            return _started!;
        }
    }

    protected MqttEndpoint Listener(int index) => new() { Host = "127.0.0.1", Port = int.Parse(Started[index]) };

    public void Dispose()
    {
        if (_started is not null)
            Run("stop", _started[0]);
        GC.SuppressFinalize(this);
    }

    internal static bool IsInstalled() =>
        File.Exists("/usr/sbin/mosquitto")
        || (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "mosquitto")));

    private static string Run(params string[] arguments) => PeerScript.Run(Script!, TimeSpan.FromSeconds(30), arguments);
}

/// <summary>An anonymous broker (one plain listener).</summary>
public sealed class Mosquitto() : MosquittoPeer("start")
{
    public MqttEndpoint Require() => Listener(0);
}

/// <summary>An anonymous broker on a port chosen beforehand, for clients that were already trying to reach it.</summary>
public sealed class MosquittoOnPort(int port) : MosquittoPeer("start", port.ToString())
{
    public MqttEndpoint Require() => Listener(0);
}

/// <summary>
/// A broker that wants credentials and applies tools/brokers/mosquitto/fleet.acl, with a plain, a
/// TLS and a client-certificate TLS listener; the certificates and the password file are made when
/// it starts (users deployer, auditor, monitor, board-a, board-b, board-c, password "pw-" + name).
/// </summary>
public sealed class SecureMosquitto() : MosquittoPeer("start-secure")
{
    public string Directory => Started[3];

    public string CaFile => Path.Combine(Directory, "ca.pem");

    public string OtherCaFile => Path.Combine(Directory, "other-ca.pem");

    public static string PasswordOf(string user) => "pw-" + user;

    /// <summary>The plain listener, as <paramref name="user"/>.</summary>
    public MqttEndpoint Plain(string user) => Listener(0) with { UserName = user, Password = PasswordOf(user) };

    /// <summary>The TLS listener (trusting the broker's CA), as <paramref name="user"/>.</summary>
    public MqttEndpoint Tls(string user) => Listener(1) with { Tls = true, CaFile = CaFile, UserName = user, Password = PasswordOf(user) };

    /// <summary>The TLS listener that wants a client certificate; the certificate's CN, "deployer", is the user.</summary>
    public MqttEndpoint ClientCertificate() => Listener(2) with
    {
        Tls = true,
        CaFile = CaFile,
        ClientCertFile = Path.Combine(Directory, "deployer.pem"),
        ClientKeyFile = Path.Combine(Directory, "deployer.key"),
    };
}
