using FsCheck;
using FsCheck.Fluent;
using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Mqtt.Packets;

namespace WasmBox.Nano.Mqtt.Tests.Codec;

/// <summary>Whatever the bytes, the decoder answers, asks for more, or throws its typed error.</summary>
public class DecoderRobustnessProperties
{
    private static readonly byte[][] ValidPackets =
    [
        PacketEncoder.Encode(new ConnectPacket("dev", true, 30, "u", [1, 2], new MqttLastWill("w/t", [9], MqttQos.AtLeastOnce, true))),
        PacketEncoder.Encode(new ConnAckPacket(true, ConnectReturnCode.Accepted)),
        PacketEncoder.Encode(new PublishPacket("a/b", [1, 2, 3], MqttQos.AtLeastOnce, true, false, 5)),
        PacketEncoder.Encode(new PubAckPacket(5)),
        PacketEncoder.Encode(new SubscribePacket(6, [new("a/+", MqttQos.AtLeastOnce), new("#", MqttQos.AtMostOnce)])),
        PacketEncoder.Encode(new SubAckPacket(6, [SubscribeReturnCode.GrantedQos1, SubscribeReturnCode.Failure])),
        PacketEncoder.Encode(new UnsubscribePacket(7, ["a/+"])),
        PacketEncoder.Encode(new UnsubAckPacket(7)),
        PacketEncoder.Encode(PingRespPacket.Instance),
    ];

    private static bool DecodesOrRefusesCleanly(byte[] bytes)
    {
        try
        {
            if (PacketDecoder.TryDecode(bytes, 4096, out MqttPacket? packet, out int consumed))
                return packet is not null && consumed <= bytes.Length;
            return true;
        }
        catch (MqttProtocolException)
        {
            return true;
        }
    }

    [Fact]
    public void Random_bytes()
    {
        Prop.ForAll(Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf().ToArbitrary(), DecodesOrRefusesCleanly)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Valid_packets_with_one_byte_changed()
    {
        var mutated =
            from packet in Gen.Elements(ValidPackets)
            from position in Gen.Choose(0, packet.Length - 1)
            from value in Gen.Choose(0, 255)
            select Mutate(packet, position, (byte)value);
        Prop.ForAll(mutated.ToArbitrary(), DecodesOrRefusesCleanly).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Valid_packets_cut_or_extended()
    {
        var resized =
            from packet in Gen.Elements(ValidPackets)
            from length in Gen.Choose(0, packet.Length + 4)
            select packet.Concat(new byte[4]).Take(length).ToArray();
        Prop.ForAll(resized.ToArbitrary(), DecodesOrRefusesCleanly).QuickCheckThrowOnFailure();
    }

    private static byte[] Mutate(byte[] packet, int position, byte value)
    {
        byte[] copy = (byte[])packet.Clone();
        copy[position] = value;
        return copy;
    }
}
