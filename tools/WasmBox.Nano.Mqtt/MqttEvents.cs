namespace WasmBox.Nano.Mqtt;

public sealed class MqttConnectionStateChangedEventArgs(MqttConnectionState state, Exception? reason) : EventArgs
{
    public MqttConnectionState State { get; } = state;
    /// <summary>Why the connection ended (Reconnecting/Disconnected); null when it was closed on purpose.</summary>
    public Exception? Reason { get; } = reason;
}

public sealed class MqttPingCompletedEventArgs(TimeSpan roundTrip) : EventArgs
{
    public TimeSpan RoundTrip { get; } = roundTrip;
}

/// <summary>An error nobody awaits: a message handler or event handler threw, or a resubscription was refused.</summary>
public sealed class MqttBackgroundErrorEventArgs(string context, Exception error) : EventArgs
{
    public string Context { get; } = context;
    public Exception Error { get; } = error;
}

/// <summary>A PUBLISH the client read to its end and dropped; <see cref="Topic"/> is null (and <see cref="PayloadLength"/> -1) when it could not be read.</summary>
public sealed class MqttPublishDiscardedEventArgs(string? topic, int size, int payloadLength, string reason) : EventArgs
{
    public string? Topic { get; } = topic;
    /// <summary>The whole packet, in bytes.</summary>
    public int Size { get; } = size;
    public int PayloadLength { get; } = payloadLength;
    public string Reason { get; } = reason;
}
