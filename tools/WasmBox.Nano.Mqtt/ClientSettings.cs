using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace WasmBox.Nano.Mqtt;

/// <summary>
/// Turns <see cref="MqttSessionOptions"/> into MQTTnet's client options (MQTT 3.1.1, the version the
/// boards speak; TLS with a private CA and a client certificate from PEM files; credentials), and
/// MQTTnet's connect failures into one sentence that says what to check.
/// </summary>
internal static class ClientSettings
{
    public static MqttClientOptions Build(MqttSessionOptions options)
    {
        MqttEndpoint endpoint = options.Endpoint;
        if (endpoint.SettingsError() is string error)
            throw new MqttConnectException(error);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(endpoint.Host, endpoint.Port)
            .WithClientId(options.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession(true)
            .WithTimeout(options.Timeout)
            .WithKeepAlivePeriod(options.KeepAlive);
        if (options.KeepAlive == TimeSpan.Zero)
            builder.WithNoKeepAlive();
        if (endpoint.UserName is not null)
            builder.WithCredentials(endpoint.UserName, endpoint.Password ?? "");
        if (options.Will is { } will)
        {
            builder.WithWillTopic(will.Topic).WithWillPayload(will.Payload).WithWillRetain(will.Retain)
                .WithWillQualityOfServiceLevel((MqttQualityOfServiceLevel)will.Qos);
        }
        if (endpoint.Tls)
            builder.WithTlsOptions(tls => ConfigureTls(tls, endpoint));
        return builder.Build();
    }

    private static void ConfigureTls(MqttClientTlsOptionsBuilder tls, MqttEndpoint endpoint)
    {
        tls.UseTls().WithTargetHost(endpoint.Host).WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13);
        if (endpoint.CaFile is not null)
            tls.WithTrustChain(LoadCa(endpoint.CaFile));
        if (endpoint.ClientCertFile is not null)
            tls.WithClientCertificates([LoadClientCertificate(endpoint.ClientCertFile, endpoint.ClientKeyFile!)]);
    }

    private static X509Certificate2Collection LoadCa(string path)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new MqttConnectException("cannot read the CA file " + path + ": " + e.Message, e);
        }
        if (certificates.Count == 0)
            throw new MqttConnectException(path + " holds no PEM certificate; --ca needs the CA certificate that signed the broker's");
        return certificates;
    }

    private static X509Certificate2 LoadClientCertificate(string certPath, string keyPath)
    {
        try
        {
            return PemCertificate.Load(certPath, keyPath);
        }
        catch (IOException e)
        {
            throw new MqttConnectException("client " + e.Message, e);
        }
    }

    /// <summary>Why connecting to <paramref name="endpoint"/> failed, as one sentence that says what to do.</summary>
    public static MqttConnectException Explain(MqttEndpoint endpoint, Exception failure)
    {
        if (failure is MqttConnectException known)
            return known;
        string at = "the MQTT broker at " + endpoint;
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException tlsFailure)
            {
                return new MqttConnectException("TLS with " + at + " failed (" + tlsFailure.Message.TrimEnd('.')
                    + "): check that --ca is the CA that signed the broker's certificate and the certificate names " + endpoint.Host, failure);
            }
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
                return new MqttConnectException("nothing listens at " + endpoint + ": start a broker there (e.g. `wbx broker`) or fix the address", failure, transient: true);
        }
        if (endpoint.Tls)
        {
            return new MqttConnectException("TLS with " + at + " failed (" + Innermost(failure).Message.TrimEnd('.')
                + "): is that port a TLS listener, and does it want a client certificate (--cert and --cert-key)?", failure);
        }
        string why = Innermost(failure).Message.TrimEnd('.');
        return new MqttConnectException("cannot connect to " + at + ": " + why
            + (why.Contains("closed", StringComparison.OrdinalIgnoreCase) ? " (a TLS port needs mqtts://)" : ""), failure, transient: true);
    }

    /// <summary>The broker's CONNACK said no: <paramref name="code"/> as a sentence that says what to do.</summary>
    public static MqttConnectException Refused(MqttEndpoint endpoint, MqttClientConnectResultCode code)
    {
        string at = "the MQTT broker at " + endpoint;
        if (code is MqttClientConnectResultCode.NotAuthorized or MqttClientConnectResultCode.BadUserNameOrPassword)
        {
            return new MqttConnectException(endpoint.UserName is null
                ? at + " wants credentials (" + Words(code) + "): give --user and --password (or WBX_MQTT_USER and WBX_MQTT_PASSWORD)"
                : at + " refused user '" + endpoint.UserName + "' (" + Words(code) + "): check --user and --password");
        }
        return new MqttConnectException(at + " refused the connection (" + Words(code) + ")", transient: code
            is MqttClientConnectResultCode.ServerUnavailable or MqttClientConnectResultCode.ServerBusy or MqttClientConnectResultCode.QuotaExceeded);
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
            e = e.InnerException;
        return e;
    }

    private static string Words(MqttClientConnectResultCode code) => code switch
    {
        MqttClientConnectResultCode.NotAuthorized => "not authorised",
        MqttClientConnectResultCode.BadUserNameOrPassword => "bad user name or password",
        _ => code.ToString(),
    };
}
