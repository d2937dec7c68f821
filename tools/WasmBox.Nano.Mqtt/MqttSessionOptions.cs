namespace WasmBox.Nano.Mqtt;

/// <summary>Where and how an <see cref="MqttSession"/> connects.</summary>
public sealed record MqttSessionOptions
{
    public required MqttEndpoint Endpoint { get; init; }

    public required string ClientId { get; init; }

    /// <summary>Zero turns keep-alive off.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    public MqttLastWill? Will { get; init; }

    /// <summary>Time allowed for TCP connect, TLS handshake and CONNACK, and for any one acknowledgement.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Connect again after a lost connection (subscriptions restored, QoS 1 messages not yet acknowledged sent again).</summary>
    public bool Reconnect { get; init; } = true;

    /// <summary>First wait before reconnecting; doubles per failed attempt up to <see cref="MaxReconnectDelay"/>, ±20 % jitter.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);
}
