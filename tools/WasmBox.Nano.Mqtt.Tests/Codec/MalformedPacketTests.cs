using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Mqtt.Tests.Support;

namespace WasmBox.Nano.Mqtt.Tests.Codec;

/// <summary>Each malformed input is refused with its own specific error.</summary>
public class MalformedPacketTests
{
    private const int DefaultMax = 256 * 1024;

    [Theory]
    // Remaining length
    [InlineData("30 FF FF FF FF 7F", MqttProtocolError.RemainingLengthTooLong)]
    [InlineData("30 80 80 80 80 01", MqttProtocolError.RemainingLengthTooLong)]
    [InlineData("40 82 00 00 01", MqttProtocolError.RemainingLengthNotMinimal)]
    [InlineData("30 FF FF 7F", MqttProtocolError.PacketTooLarge)]
    [InlineData("30 81 80 10", MqttProtocolError.PacketTooLarge)]
    // Fields running past the announced length
    [InlineData("40 01 00", MqttProtocolError.Truncated)]
    [InlineData("30 03 00 05 61", MqttProtocolError.Truncated)]
    [InlineData("32 03 00 01 61", MqttProtocolError.Truncated)]
    [InlineData("10 02 00 04", MqttProtocolError.Truncated)]
    [InlineData("20 01 00", MqttProtocolError.Truncated)]
    // Bytes after the last field
    [InlineData("D0 01 00", MqttProtocolError.TrailingBytes)]
    [InlineData("40 03 00 01 00", MqttProtocolError.TrailingBytes)]
    [InlineData("20 03 00 00 00", MqttProtocolError.TrailingBytes)]
    [InlineData("E0 01 00", MqttProtocolError.TrailingBytes)]
    // Packet types
    [InlineData("00 00", MqttProtocolError.ReservedPacketType)]
    [InlineData("F0 00", MqttProtocolError.ReservedPacketType)]
    [InlineData("50 02 00 01", MqttProtocolError.UnsupportedPacketType)]
    [InlineData("62 02 00 01", MqttProtocolError.UnsupportedPacketType)]
    [InlineData("70 02 00 01", MqttProtocolError.UnsupportedPacketType)]
    // Fixed-header flags
    [InlineData("41 02 00 01", MqttProtocolError.InvalidFixedHeaderFlags)]
    [InlineData("80 06 00 01 00 01 61 00", MqttProtocolError.InvalidFixedHeaderFlags)]
    [InlineData("A0 05 00 01 00 01 61", MqttProtocolError.InvalidFixedHeaderFlags)]
    [InlineData("C1 00", MqttProtocolError.InvalidFixedHeaderFlags)]
    [InlineData("E8 00", MqttProtocolError.InvalidFixedHeaderFlags)]
    [InlineData("22 02 00 00", MqttProtocolError.InvalidFixedHeaderFlags)]
    [InlineData("38 03 00 01 61", MqttProtocolError.InvalidFixedHeaderFlags)]
    // QoS
    [InlineData("36 05 00 01 61 00 01", MqttProtocolError.InvalidQos)]
    [InlineData("34 05 00 01 61 00 01", MqttProtocolError.UnsupportedQos)]
    [InlineData("82 06 00 01 00 01 61 03", MqttProtocolError.InvalidQos)]
    [InlineData("82 06 00 01 00 01 61 41", MqttProtocolError.InvalidQos)]
    [InlineData("82 06 00 01 00 01 61 02", MqttProtocolError.UnsupportedQos)]
    // Packet identifiers
    [InlineData("40 02 00 00", MqttProtocolError.InvalidPacketId)]
    [InlineData("B0 02 00 00", MqttProtocolError.InvalidPacketId)]
    [InlineData("32 05 00 01 61 00 00", MqttProtocolError.InvalidPacketId)]
    [InlineData("82 06 00 00 00 01 61 00", MqttProtocolError.InvalidPacketId)]
    // Strings and topics
    [InlineData("30 03 00 01 FF", MqttProtocolError.InvalidString)]
    [InlineData("30 04 00 02 C0 AF", MqttProtocolError.InvalidString)]
    [InlineData("30 05 00 03 ED A0 80", MqttProtocolError.InvalidString)]
    [InlineData("30 03 00 01 00", MqttProtocolError.InvalidString)]
    [InlineData("30 02 00 00", MqttProtocolError.InvalidTopicName)]
    [InlineData("30 03 00 01 2B", MqttProtocolError.InvalidTopicName)]
    [InlineData("30 05 00 03 61 2F 23", MqttProtocolError.InvalidTopicName)]
    [InlineData("82 07 00 01 00 02 61 23 00", MqttProtocolError.InvalidTopicFilter)]
    [InlineData("82 08 00 01 00 03 23 2F 61 00", MqttProtocolError.InvalidTopicFilter)]
    [InlineData("A2 05 00 01 00 01 00", MqttProtocolError.InvalidString)]
    [InlineData("A2 04 00 01 00 00", MqttProtocolError.InvalidTopicFilter)]
    // CONNECT
    [InlineData("10 0F 00 06 4D 51 49 73 64 70 03 02 00 0A 00 01 61", MqttProtocolError.InvalidProtocolName)]
    [InlineData("10 0D 00 04 4D 51 54 54 05 02 00 0A 00 01 61", MqttProtocolError.UnsupportedProtocolLevel)]
    [InlineData("10 0D 00 04 4D 51 54 54 04 03 00 0A 00 01 61", MqttProtocolError.InvalidConnectFlags)]
    [InlineData("10 0D 00 04 4D 51 54 54 04 42 00 0A 00 01 61", MqttProtocolError.InvalidConnectFlags)]
    [InlineData("10 0D 00 04 4D 51 54 54 04 0A 00 0A 00 01 61", MqttProtocolError.InvalidConnectFlags)]
    [InlineData("10 0D 00 04 4D 51 54 54 04 22 00 0A 00 01 61", MqttProtocolError.InvalidConnectFlags)]
    [InlineData("10 0D 00 04 4D 51 54 54 04 1E 00 0A 00 01 61", MqttProtocolError.InvalidQos)]
    [InlineData("10 0D 00 04 4D 51 54 54 04 16 00 0A 00 01 61", MqttProtocolError.UnsupportedQos)]
    [InlineData("10 12 00 04 4D 51 54 54 04 06 00 0A 00 01 61 00 01 2B 00 00", MqttProtocolError.InvalidTopicName)]
    // CONNACK, SUBACK
    [InlineData("20 02 02 00", MqttProtocolError.InvalidConnAck)]
    [InlineData("20 02 01 05", MqttProtocolError.InvalidConnAck)]
    [InlineData("20 02 00 06", MqttProtocolError.InvalidReturnCode)]
    [InlineData("90 03 00 01 03", MqttProtocolError.InvalidReturnCode)]
    [InlineData("90 03 00 01 81", MqttProtocolError.InvalidReturnCode)]
    // Entries required
    [InlineData("82 02 00 01", MqttProtocolError.EmptyPayload)]
    [InlineData("90 02 00 01", MqttProtocolError.EmptyPayload)]
    [InlineData("A2 02 00 01", MqttProtocolError.EmptyPayload)]
    public void Is_refused_with_a_specific_error(string hex, MqttProtocolError expected)
    {
        var error = Assert.Throws<MqttProtocolException>(() => PacketDecoder.TryDecode(Hex.Parse(hex), DefaultMax, out _, out _));

        Assert.Equal(expected, error.Error);
        Assert.Contains(expected.ToString(), error.Message);
    }

    [Fact]
    public void The_size_limit_is_checked_from_the_header_alone()
    {
        // A PUBLISH announcing 300 000 bytes is refused after its 4 header bytes, before any body.
        var error = Assert.Throws<MqttProtocolException>(() => PacketDecoder.TryReadFixedHeader(Hex.Parse("30 E0 A7 12"), DefaultMax, out _));

        Assert.Equal(MqttProtocolError.PacketTooLarge, error.Error);
        Assert.Contains("300004 bytes exceeds the limit of 262144", error.Message);
    }

    [Fact]
    public void A_packet_exactly_at_the_limit_is_accepted()
    {
        Assert.True(PacketDecoder.TryReadFixedHeader(Hex.Parse("30 FC FF 0F"), 262_144, out FixedHeader header));
        Assert.Equal(262_144, header.PacketSize);
        Assert.Throws<MqttProtocolException>(() => PacketDecoder.TryReadFixedHeader(Hex.Parse("30 FD FF 0F"), 262_144, out _));
    }
}
