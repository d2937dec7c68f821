namespace WasmBox.Nano.Deploy;

/// <summary>A network peer as "host[:port]" ("[v6]:port" for IPv6 literals): an MQTT broker, a CoAP device.</summary>
public sealed record BrokerAddress(string Host, int Port)
{
    public const int MqttPort = 1883;
    public const int CoapPort = 5683;

    /// <summary>Parses the text; anything malformed is a <see cref="FormatException"/> quoting it.</summary>
    public static BrokerAddress Parse(string text, int defaultPort = MqttPort)
    {
        string host;
        string? port = null;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']');
            if (close < 0 || (close + 1 < text.Length && text[close + 1] != ':'))
                throw Bad(text, "an IPv6 address is written [address] or [address]:port");
            host = text[1..close];
            if (close + 1 < text.Length)
                port = text[(close + 2)..];
        }
        else
        {
            int colon = text.IndexOf(':');
            if (colon >= 0 && text.IndexOf(':', colon + 1) >= 0)
                throw Bad(text, "write an IPv6 address in brackets, [address]:port");
            host = colon < 0 ? text : text[..colon];
            if (colon >= 0)
                port = text[(colon + 1)..];
        }
        if (host.Length == 0)
            throw Bad(text, "the host is missing");
        int number = defaultPort;
        if (port is not null && (!int.TryParse(port, out number) || number is < 1 or > 65535))
            throw Bad(text, "the port must be a number from 1 to 65535");
        return new BrokerAddress(host, number);
    }

    public override string ToString() => (Host.Contains(':') ? "[" + Host + "]" : Host) + ":" + Port;

    private static FormatException Bad(string text, string why) => new("'" + text + "': " + why);
}
