namespace WasmBox.Nano.Mqtt.Codec;

/// <summary>
/// The only exception the codec throws: a packet (incoming or outgoing) breaks MQTT 3.1.1.
/// A connection that receives one is closed with it as the reason.
/// </summary>
public sealed class MqttProtocolException(MqttProtocolError error, string message)
    : Exception($"MQTT protocol error {error}: {message}")
{
    public MqttProtocolError Error { get; } = error;
}
