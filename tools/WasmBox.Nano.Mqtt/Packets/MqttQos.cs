namespace WasmBox.Nano.Mqtt.Packets;

/// <summary>The delivery guarantees this client supports; QoS 2 is refused by the codec.</summary>
public enum MqttQos : byte
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
}
