namespace WasmBox.Nano.Coap.Host;

/// <summary>Transmission parameters of <see cref="CoapClient"/>; defaults are RFC 7252 section 4.8's.</summary>
public sealed record CoapClientOptions
{
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(2);
    public double AckRandomFactor { get; init; } = 1.5;
    public int MaxRetransmit { get; init; } = 4;
    /// <summary>How long to wait for a separate response after the server's empty acknowledgement.</summary>
    public TimeSpan SeparateResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Block size of uploads and downloads as SZX (6 = 1024 bytes); the server may ask for smaller.</summary>
    public int BlockSizeExponent { get; init; } = BlockOption.MaxSizeExponent;
    /// <summary>Largest response body a Block2 download may assemble.</summary>
    public int MaxResponseBody { get; init; } = 1 << 20;
}
