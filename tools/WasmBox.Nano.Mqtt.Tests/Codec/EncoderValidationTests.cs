using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Mqtt.Packets;

namespace WasmBox.Nano.Mqtt.Tests.Codec;

/// <summary>The encoder refuses packets a broker would have to treat as malformed.</summary>
public class EncoderValidationTests
{
    public static TheoryData<MqttPacket, MqttProtocolError> InvalidPackets => new()
    {
        { new PublishPacket("a/+", []), MqttProtocolError.InvalidTopicName },
        { new PublishPacket("a/#", []), MqttProtocolError.InvalidTopicName },
        { new PublishPacket("", []), MqttProtocolError.InvalidTopicName },
        { new PublishPacket("a\0b", []), MqttProtocolError.InvalidString },
        { new PublishPacket("a\uD800", []), MqttProtocolError.InvalidString },
        { new PublishPacket(new string('x', 65_536), []), MqttProtocolError.InvalidString },
        { new PublishPacket("a", [], MqttQos.AtLeastOnce), MqttProtocolError.InvalidPacketId },
        { new PublishPacket("a", [], PacketId: 3), MqttProtocolError.InvalidFixedHeaderFlags },
        { new PublishPacket("a", [], Dup: true), MqttProtocolError.InvalidFixedHeaderFlags },
        { new PublishPacket("a", [], (MqttQos)2, PacketId: 1), MqttProtocolError.UnsupportedQos },
        { new PubAckPacket(0), MqttProtocolError.InvalidPacketId },
        { new SubscribePacket(1, []), MqttProtocolError.EmptyPayload },
        { new SubscribePacket(1, [new("a/#/b", MqttQos.AtMostOnce)]), MqttProtocolError.InvalidTopicFilter },
        { new SubscribePacket(1, [new("a+", MqttQos.AtMostOnce)]), MqttProtocolError.InvalidTopicFilter },
        { new SubscribePacket(0, [new("a", MqttQos.AtMostOnce)]), MqttProtocolError.InvalidPacketId },
        { new SubAckPacket(1, [(SubscribeReturnCode)3]), MqttProtocolError.InvalidReturnCode },
        { new UnsubscribePacket(1, [""]), MqttProtocolError.InvalidTopicFilter },
        { new ConnAckPacket(true, ConnectReturnCode.ServerUnavailable), MqttProtocolError.InvalidConnAck },
        { new ConnectPacket("c", true, 0, null, [1]), MqttProtocolError.InvalidConnectFlags },
        { new ConnectPacket("c", true, 0, Will: new MqttLastWill("w/+", [])), MqttProtocolError.InvalidTopicName },
        { new ConnectPacket("c", true, 0, Will: new MqttLastWill("w", new byte[65_536])), MqttProtocolError.FieldTooLong },
    };

    [Theory]
    [MemberData(nameof(InvalidPackets))]
    public void Is_refused(MqttPacket packet, MqttProtocolError expected)
    {
        var error = Assert.Throws<MqttProtocolException>(() => PacketEncoder.Encode(packet));
        Assert.Equal(expected, error.Error);
    }
}
