namespace WasmBox.Nano.Mqtt;

public enum MqttQos
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
}

/// <summary>
/// An application message, sent or received. On a received message <paramref name="Retain"/> means
/// the broker delivered a stored retained message because of a new subscription.
/// </summary>
public sealed record MqttMessage(string Topic, byte[] Payload, MqttQos Qos = MqttQos.AtMostOnce, bool Retain = false);

/// <summary>What the broker publishes for a client that drops without DISCONNECT.</summary>
public sealed record MqttLastWill(string Topic, byte[] Payload, MqttQos Qos, bool Retain);
