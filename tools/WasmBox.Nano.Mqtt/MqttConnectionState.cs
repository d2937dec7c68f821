namespace WasmBox.Nano.Mqtt;

public enum MqttConnectionState
{
    /// <summary>Not connected: never connected, disconnected on purpose, or lost with reconnect off.</summary>
    Disconnected,
    Connecting,
    /// <summary>Connected, subscriptions restored and unacknowledged messages sent again.</summary>
    Connected,
    /// <summary>The connection was lost; waiting between attempts to connect again.</summary>
    Reconnecting,
}
