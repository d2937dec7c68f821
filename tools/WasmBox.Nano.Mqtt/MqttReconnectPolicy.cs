namespace WasmBox.Nano.Mqtt;

/// <summary>
/// Automatic reconnection after a lost connection: exponential back-off from
/// <see cref="InitialDelay"/>, doubling up to <see cref="MaxDelay"/>, each delay spread by ±<see cref="Jitter"/>.
/// </summary>
public sealed record MqttReconnectPolicy
{
    public bool Enabled { get; init; } = true;
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Fraction (0..1) by which each delay is randomly shortened or lengthened.</summary>
    public double Jitter { get; init; } = 0.2;

    public static MqttReconnectPolicy Disabled { get; } = new() { Enabled = false };
}
