using System.Text;
using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Mqtt.Packets;
using WasmBox.Nano.Mqtt.Tests.Support;

namespace WasmBox.Nano.Mqtt.Tests.Codec;

public class PacketRoundTripTests
{
    private static T RoundTrip<T>(T packet) where T : MqttPacket
    {
        byte[] wire = PacketEncoder.Encode(packet);
        Assert.True(PacketDecoder.TryDecode(wire, int.MaxValue, out MqttPacket? decoded, out int consumed));
        Assert.Equal(wire.Length, consumed);
        Assert.Equal(wire, PacketEncoder.Encode(decoded));
        return Assert.IsType<T>(decoded);
    }

    [Fact]
    public void Connect_with_every_field()
    {
        var will = new MqttLastWill("wbx/dev-1/state", "offline"u8.ToArray(), MqttQos.AtLeastOnce, Retain: true);
        var packet = new ConnectPacket("dev-1", CleanSession: false, 60, "tenant", "secret"u8.ToArray(), will);

        ConnectPacket decoded = RoundTrip(packet);

        Assert.Equal("dev-1", decoded.ClientId);
        Assert.False(decoded.CleanSession);
        Assert.Equal(60, decoded.KeepAliveSeconds);
        Assert.Equal("tenant", decoded.UserName);
        Assert.Equal("secret"u8.ToArray(), decoded.Password);
        Assert.NotNull(decoded.Will);
        Assert.Equal(will.Topic, decoded.Will.Topic);
        Assert.Equal(will.Payload, decoded.Will.Payload);
        Assert.Equal(MqttQos.AtLeastOnce, decoded.Will.Qos);
        Assert.True(decoded.Will.Retain);
    }

    [Fact]
    public void Minimal_connect_matches_the_spec_layout()
    {
        byte[] wire = PacketEncoder.Encode(new ConnectPacket("a", CleanSession: true, 10));

        // MQTT 3.1.1 section 3.1: "MQTT", level 4, flags (clean session), keep-alive 10, client id.
        Assert.Equal(Hex.Parse("10 0D 00 04 4D 51 54 54 04 02 00 0A 00 01 61"), wire);
        ConnectPacket decoded = RoundTrip(new ConnectPacket("a", CleanSession: true, 10));
        Assert.Null(decoded.Will);
        Assert.Null(decoded.UserName);
        Assert.Null(decoded.Password);
    }

    [Theory]
    [InlineData(false, ConnectReturnCode.Accepted, "20 02 00 00")]
    [InlineData(true, ConnectReturnCode.Accepted, "20 02 01 00")]
    [InlineData(false, ConnectReturnCode.NotAuthorized, "20 02 00 05")]
    public void ConnAck(bool sessionPresent, ConnectReturnCode code, string hex)
    {
        var packet = new ConnAckPacket(sessionPresent, code);
        Assert.Equal(Hex.Parse(hex), PacketEncoder.Encode(packet));
        Assert.Equal(packet, RoundTrip(packet));
    }

    [Theory]
    [InlineData(MqttQos.AtMostOnce, false, false, 0)]
    [InlineData(MqttQos.AtMostOnce, true, false, 0)]
    [InlineData(MqttQos.AtLeastOnce, false, false, 1)]
    [InlineData(MqttQos.AtLeastOnce, true, true, 65535)]
    public void Publish(MqttQos qos, bool retain, bool dup, int packetId)
    {
        var packet = new PublishPacket("wbx/dev-1/telemetry", Encoding.UTF8.GetBytes("{\"runs\":3}"), qos, retain, dup, (ushort)packetId);

        PublishPacket decoded = RoundTrip(packet);

        Assert.Equal(packet.Topic, decoded.Topic);
        Assert.Equal(packet.Payload, decoded.Payload);
        Assert.Equal(qos, decoded.Qos);
        Assert.Equal(retain, decoded.Retain);
        Assert.Equal(dup, decoded.Dup);
        Assert.Equal(packetId, decoded.PacketId);
    }

    [Fact]
    public void Publish_with_an_empty_payload_clears_a_retained_message()
    {
        PublishPacket decoded = RoundTrip(new PublishPacket("a/b", [], Retain: true));
        Assert.Empty(decoded.Payload);
        Assert.True(decoded.Retain);
    }

    [Fact]
    public void Publish_with_a_non_ascii_topic()
    {
        Assert.Equal("capteurs/température/ü", RoundTrip(new PublishPacket("capteurs/température/ü", [1])).Topic);
    }

    [Fact]
    public void Setting_dup_on_an_encoded_publish_changes_only_that_flag()
    {
        byte[] original = PacketEncoder.Encode(new PublishPacket("t", [1, 2], MqttQos.AtLeastOnce, Retain: true, PacketId: 7));

        byte[] resent = PacketEncoder.WithDupFlag(original);

        Assert.Equal(PacketEncoder.Encode(new PublishPacket("t", [1, 2], MqttQos.AtLeastOnce, Retain: true, Dup: true, PacketId: 7)), resent);
        Assert.False(original[0] == resent[0]);
    }

    [Fact]
    public void PubAck()
    {
        Assert.Equal(Hex.Parse("40 02 01 02"), PacketEncoder.Encode(new PubAckPacket(0x0102)));
        Assert.Equal(0x0102, RoundTrip(new PubAckPacket(0x0102)).PacketId);
    }

    [Fact]
    public void Subscribe_with_several_filters()
    {
        var packet = new SubscribePacket(9, [new("wbx/+/deploy", MqttQos.AtLeastOnce), new("wbx/#", MqttQos.AtMostOnce)]);

        Assert.Equal(0x82, PacketEncoder.Encode(packet)[0]);
        SubscribePacket decoded = RoundTrip(packet);

        Assert.Equal(9, decoded.PacketId);
        Assert.Equal(packet.Subscriptions, decoded.Subscriptions);
    }

    [Fact]
    public void SubAck_with_grants_and_a_failure()
    {
        var packet = new SubAckPacket(9, [SubscribeReturnCode.GrantedQos1, SubscribeReturnCode.GrantedQos0, SubscribeReturnCode.Failure]);

        Assert.Equal(Hex.Parse("90 05 00 09 01 00 80"), PacketEncoder.Encode(packet));
        SubAckPacket decoded = RoundTrip(packet);

        Assert.Equal(packet.ReturnCodes, decoded.ReturnCodes);
    }

    [Fact]
    public void Unsubscribe()
    {
        var packet = new UnsubscribePacket(300, ["a/+", "b/#"]);

        Assert.Equal(0xA2, PacketEncoder.Encode(packet)[0]);
        UnsubscribePacket decoded = RoundTrip(packet);

        Assert.Equal(300, decoded.PacketId);
        Assert.Equal(packet.Filters, decoded.Filters);
    }

    [Fact]
    public void UnsubAck()
    {
        Assert.Equal(Hex.Parse("B0 02 01 2C"), PacketEncoder.Encode(new UnsubAckPacket(300)));
        Assert.Equal(300, RoundTrip(new UnsubAckPacket(300)).PacketId);
    }

    [Fact]
    public void Ping_and_disconnect_are_two_bytes()
    {
        Assert.Equal(Hex.Parse("C0 00"), PacketEncoder.Encode(PingReqPacket.Instance));
        Assert.Equal(Hex.Parse("D0 00"), PacketEncoder.Encode(PingRespPacket.Instance));
        Assert.Equal(Hex.Parse("E0 00"), PacketEncoder.Encode(DisconnectPacket.Instance));
        RoundTrip(PingReqPacket.Instance);
        RoundTrip(PingRespPacket.Instance);
        RoundTrip(DisconnectPacket.Instance);
    }

    [Fact]
    public void A_publish_with_a_two_byte_remaining_length()
    {
        // Topic field 3 bytes + 125 payload bytes = 128: the first length that needs two bytes.
        PublishPacket decoded = RoundTrip(new PublishPacket("t", new byte[125]));
        Assert.Equal(128 + 3, PacketEncoder.Encode(decoded).Length);
    }

    [Fact]
    public void Decoding_takes_one_packet_from_a_buffer_holding_more()
    {
        byte[] two = [.. PacketEncoder.Encode(new PubAckPacket(1)), .. PacketEncoder.Encode(PingRespPacket.Instance)];

        Assert.True(PacketDecoder.TryDecode(two, 1024, out MqttPacket? first, out int consumed));
        Assert.Equal(new PubAckPacket(1), first);
        Assert.True(PacketDecoder.TryDecode(two.AsSpan(consumed), 1024, out MqttPacket? second, out _));
        Assert.Same(PingRespPacket.Instance, second);
    }

    [Fact]
    public void A_packet_cut_short_asks_for_more_bytes()
    {
        byte[] wire = PacketEncoder.Encode(new PublishPacket("t", [1, 2, 3]));
        for (int length = 0; length < wire.Length; length++)
            Assert.False(PacketDecoder.TryDecode(wire.AsSpan(0, length), 1024, out _, out _));
    }
}
