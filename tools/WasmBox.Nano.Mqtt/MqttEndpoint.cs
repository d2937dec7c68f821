namespace WasmBox.Nano.Mqtt;

/// <summary>
/// A broker and how to reach it: "mqtt://host[:port]" (plain TCP, port 1883), "mqtts://host[:port]"
/// (TLS, port 8883) or plain "host[:port]"; the CA that signed the broker's certificate, an optional
/// client certificate, and an optional user name and password.
/// </summary>
public sealed record MqttEndpoint
{
    public const int PlainPort = 1883;
    public const int TlsPort = 8883;

    public required string Host { get; init; }

    public required int Port { get; init; }

    public bool Tls { get; init; }

    /// <summary>PEM file of the CA certificate(s) the broker's certificate must chain to; null trusts the system's store.</summary>
    public string? CaFile { get; init; }

    /// <summary>PEM client certificate presented to the broker; needs <see cref="ClientKeyFile"/>.</summary>
    public string? ClientCertFile { get; init; }

    public string? ClientKeyFile { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>Parses a URL or host:port; anything malformed is a <see cref="FormatException"/> quoting it and saying what is expected.</summary>
    public static MqttEndpoint Parse(string text)
    {
        bool tls;
        string rest;
        if (text.StartsWith("mqtts://", StringComparison.OrdinalIgnoreCase))
            (tls, rest) = (true, text["mqtts://".Length..]);
        else if (text.StartsWith("mqtt://", StringComparison.OrdinalIgnoreCase))
            (tls, rest) = (false, text["mqtt://".Length..]);
        else if (text.Contains("://", StringComparison.Ordinal))
            throw Bad(text, "the scheme must be mqtt:// or mqtts://");
        else
            (tls, rest) = (false, text);
        rest = rest.TrimEnd('/');
        if (rest.Length == 0 || rest.Contains('/') || rest.Contains('@'))
            throw Bad(text, "expected mqtt://host[:port], mqtts://host[:port] or host[:port] (credentials go in --user/--password)");
        if (!Uri.TryCreate("mqtt://" + rest, UriKind.Absolute, out Uri? uri) || uri.Host.Length == 0 || uri.PathAndQuery != "/")
            throw Bad(text, "expected mqtt://host[:port], mqtts://host[:port] or host[:port]; write an IPv6 address in brackets");
        int port = uri.IsDefaultPort || uri.Port < 0 ? (tls ? TlsPort : PlainPort) : uri.Port;
        if (port is < 1 or > 65535)
            throw Bad(text, "the port must be a number from 1 to 65535");
        return new MqttEndpoint { Host = uri.IdnHost.Trim('[', ']'), Port = port, Tls = tls };
    }

    /// <summary>A problem with the TLS or credential settings, or null: they must fit together before anything is sent.</summary>
    public string? SettingsError()
    {
        if (!Tls && (CaFile is not null || ClientCertFile is not null))
            return "--ca and --cert need a TLS broker: write the address as mqtts://host[:port]";
        if ((ClientCertFile is null) != (ClientKeyFile is null))
            return "a client certificate needs both --cert and --cert-key";
        if (Password is not null && UserName is null)
            return "a password needs a user name (--user)";
        return null;
    }

    public override string ToString() => (Tls ? "mqtts://" : "mqtt://") + (Host.Contains(':') ? "[" + Host + "]" : Host) + ":" + Port;

    private static FormatException Bad(string text, string why) => new("'" + text + "': " + why);
}
