using WasmBox.Nano.Mqtt.Packets;

namespace WasmBox.Nano.Mqtt;

/// <summary>
/// An application message, sent or received. On a received message <paramref name="Retain"/> means
/// the broker delivered a stored retained message because of a new subscription.
/// </summary>
public sealed record MqttMessage(string Topic, byte[] Payload, MqttQos Qos = MqttQos.AtMostOnce, bool Retain = false);
