namespace WasmBox.Nano.Mqtt;

public sealed class MqttConnectionStateChangedEventArgs(MqttConnectionState state, Exception? reason) : EventArgs
{
    public MqttConnectionState State { get; } = state;

    /// <summary>Why the connection ended (Reconnecting/Disconnected); null when it was closed on purpose.</summary>
    public Exception? Reason { get; } = reason;
}
