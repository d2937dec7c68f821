using System.Text;
using WasmBox.Nano.Mqtt.Packets;

namespace WasmBox.Nano.Mqtt;

/// <summary>Where and how an <see cref="MqttClient"/> connects.</summary>
public sealed record MqttClientOptions
{
    public required string Host { get; init; }
    public int Port { get; init; } = 1883;
    /// <summary>May be empty only with <see cref="CleanSession"/> (the broker then assigns one).</summary>
    public required string ClientId { get; init; }
    public bool CleanSession { get; init; } = true;
    /// <summary>Whole seconds, at most 65535; zero turns keep-alive off.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);
    public string? UserName { get; init; }
    /// <summary>Sent as UTF-8; needs <see cref="UserName"/>.</summary>
    public string? Password { get; init; }
    public MqttLastWill? Will { get; init; }
    /// <summary>Largest packet, fixed header included, accepted from the broker or sent to it.</summary>
    public int MaxPacketSize { get; init; } = 256 * 1024;
    /// <summary>Time allowed for TCP connect plus CONNACK, and for the resubscription after a reconnect.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public MqttReconnectPolicy Reconnect { get; init; } = new();

    internal void Validate()
    {
        if (string.IsNullOrEmpty(Host))
            throw new ArgumentException("a broker host is required", nameof(Host));
        if (Port is < 1 or > 65535)
            throw new ArgumentException($"port {Port} is outside 1..65535", nameof(Port));
        if (ClientId.Length == 0 && !CleanSession)
            throw new ArgumentException("an empty client id needs a clean session (MQTT 3.1.1 section 3.1.3.1)", nameof(ClientId));
        if (KeepAlive < TimeSpan.Zero || KeepAlive > TimeSpan.FromSeconds(ushort.MaxValue) || KeepAlive.Ticks % TimeSpan.TicksPerSecond != 0)
            throw new ArgumentException($"keep-alive {KeepAlive} must be whole seconds in 0..65535", nameof(KeepAlive));
        if (Password is not null && UserName is null)
            throw new ArgumentException("a password needs a user name in MQTT 3.1.1", nameof(Password));
        if (MaxPacketSize < 128)
            throw new ArgumentException($"max packet size {MaxPacketSize} is below 128 bytes", nameof(MaxPacketSize));
        if (ConnectTimeout <= TimeSpan.Zero)
            throw new ArgumentException("the connect timeout must be positive", nameof(ConnectTimeout));
        if (Reconnect.InitialDelay <= TimeSpan.Zero || Reconnect.MaxDelay < Reconnect.InitialDelay || Reconnect.Jitter is < 0 or > 1)
            throw new ArgumentException("reconnect policy needs 0 < InitialDelay <= MaxDelay and Jitter in 0..1", nameof(Reconnect));
    }

    internal ConnectPacket ToConnectPacket() => new(
        ClientId,
        CleanSession,
        (ushort)KeepAlive.TotalSeconds,
        UserName,
        Password is null ? null : Encoding.UTF8.GetBytes(Password),
        Will);
}
