using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace WasmBox.Nano.Mqtt;

/// <summary>What <see cref="LocalBroker"/> listens on and whom it lets in.</summary>
public sealed record LocalBrokerOptions
{
    /// <summary>Where both listeners bind; loopback unless asked otherwise.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The plain MQTT port; null runs no plain listener.</summary>
    public int? Port { get; init; } = MqttEndpoint.PlainPort;

    /// <summary>The TLS port; needs <see cref="CertFile"/> and <see cref="KeyFile"/>. Null runs no TLS listener.</summary>
    public int? TlsPort { get; init; }

    public string? CertFile { get; init; }

    public string? KeyFile { get; init; }

    /// <summary>When set, every client must give this user name and <see cref="Password"/>; otherwise anyone may connect.</summary>
    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>A problem with the settings, or null.</summary>
    public string? SettingsError()
    {
        if (Port is null && TlsPort is null)
            return "the broker needs a plain port, a TLS port or both";
        if (Port is < 1 or > 65535 || TlsPort is < 1 or > 65535)
            return "ports are numbers from 1 to 65535";
        if (Port is not null && Port == TlsPort)
            return "the plain and the TLS port must differ";
        if ((TlsPort is null) != (CertFile is null) || (CertFile is null) != (KeyFile is null))
            return "a TLS port needs the broker's certificate and key (--tls-port with --cert and --cert-key)";
        if ((UserName is null) != (Password is null))
            return "give both a user name and a password, or neither";
        return null;
    }
}

/// <summary>
/// MQTTnet's server for local work (`wbx broker`): MQTT 3.1.1 and 5 on a plain and/or a TLS
/// listener, one optional user name and password, retained messages and Last Will kept in memory.
/// Not a fleet broker: no ACL, no persistence, no cluster (tools/brokers/README.md).
/// </summary>
public sealed class LocalBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private LocalBroker(MqttServer server, LocalBrokerOptions options)
    {
        _server = server;
        Options = options;
    }

    public LocalBrokerOptions Options { get; }

    /// <summary>Where clients connect: the plain listener's URL, or null.</summary>
    public MqttEndpoint? Plain => Options.Port is int port ? new MqttEndpoint { Host = Host, Port = port } : null;

    public MqttEndpoint? Tls => Options.TlsPort is int port ? new MqttEndpoint { Host = Host, Port = port, Tls = true } : null;

    private string Host => Options.Address.Equals(IPAddress.Any) ? "127.0.0.1" : Options.Address.ToString();

    /// <summary>Starts listening; a port in use or an unreadable certificate is an <see cref="IOException"/> that says so.</summary>
    public static async Task<LocalBroker> StartAsync(LocalBrokerOptions options)
    {
        if (options.SettingsError() is string error)
            throw new ArgumentException(error, nameof(options));
        var builder = new MqttServerOptionsBuilder();
        if (options.Port is int port)
            builder.WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(options.Address).WithDefaultEndpointPort(port);
        else
            builder.WithoutDefaultEndpoint();
        if (options.TlsPort is int tlsPort)
        {
            builder.WithEncryptedEndpoint().WithEncryptedEndpointBoundIPAddress(options.Address).WithEncryptedEndpointPort(tlsPort)
                .WithEncryptionCertificate(PemCertificate.Load(options.CertFile!, options.KeyFile!))
                .WithEncryptionSslProtocol(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
        }
        MqttServer server = new MqttServerFactory().CreateMqttServer(builder.Build());
        if (options.UserName is not null)
            server.ValidatingConnectionAsync += e => CheckCredentials(e, options);
        try
        {
            await server.StartAsync();
        }
        catch (SocketException e)
        {
            server.Dispose();
            throw new IOException("cannot listen on " + options.Address + " port " + (options.Port ?? options.TlsPort) + (options.TlsPort is int t && options.Port is not null ? " or " + t : "")
                + ": " + e.Message + "; give another --port/--tls-port", e);
        }
        return new LocalBroker(server, options);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }

    private static Task CheckCredentials(ValidatingConnectionEventArgs e, LocalBrokerOptions options)
    {
        if (!(Same(e.UserName, options.UserName!) && Same(e.Password, options.Password!)))
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
        return Task.CompletedTask;
    }

    private static bool Same(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
