using WasmBox.Nano.Mqtt.Packets;

namespace WasmBox.Nano.Mqtt.Codec;

/// <summary>The first byte and the remaining length of a packet, validated before its body is read.</summary>
public readonly record struct FixedHeader(MqttPacketType Type, byte Flags, int RemainingLength, int HeaderSize)
{
    public int PacketSize => HeaderSize + RemainingLength;
}
