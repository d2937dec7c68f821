using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Mqtt.Packets;
using WasmBox.Nano.Mqtt.Tests.Support;

namespace WasmBox.Nano.Mqtt.Tests.Codec;

public class RemainingLengthTests
{
    [Theory]
    [InlineData(0, "00")]
    [InlineData(127, "7F")]
    [InlineData(128, "80 01")]
    [InlineData(16_383, "FF 7F")]
    [InlineData(16_384, "80 80 01")]
    [InlineData(2_097_151, "FF FF 7F")]
    [InlineData(2_097_152, "80 80 80 01")]
    [InlineData(268_435_455, "FF FF FF 7F")]
    public void Boundaries_encode_to_the_spec_bytes_and_decode_back(int value, string hex)
    {
        byte[] expected = Hex.Parse(hex);
        var buffer = new byte[4];
        int size = RemainingLength.Write(buffer, value);

        Assert.Equal(expected, buffer[..size]);
        Assert.Equal(size, RemainingLength.EncodedSize(value));
        Assert.True(RemainingLength.TryRead(expected, out int decoded, out int used));
        Assert.Equal(value, decoded);
        Assert.Equal(expected.Length, used);
    }

    [Theory]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(16_384)]
    [InlineData(2_097_152)]
    [InlineData(268_435_455)]
    public void Fixed_header_reports_boundary_lengths_without_needing_the_body(int length)
    {
        var header = new byte[5];
        header[0] = 0x30;
        int size = RemainingLength.Write(header.AsSpan(1), length);

        Assert.True(PacketDecoder.TryReadFixedHeader(header.AsSpan(0, 1 + size), int.MaxValue, out FixedHeader fixedHeader));

        Assert.Equal(MqttPacketType.Publish, fixedHeader.Type);
        Assert.Equal(length, fixedHeader.RemainingLength);
        Assert.Equal(1 + size, fixedHeader.HeaderSize);
    }

    [Fact]
    public void A_value_beyond_four_bytes_cannot_be_encoded()
    {
        var error = Assert.Throws<MqttProtocolException>(() => RemainingLength.EncodedSize(268_435_456));
        Assert.Equal(MqttProtocolError.PacketTooLarge, error.Error);
    }

    [Fact]
    public void A_fifth_length_byte_is_refused()
    {
        var error = Assert.Throws<MqttProtocolException>(() => RemainingLength.TryRead(Hex.Parse("FF FF FF FF 7F"), out _, out _));
        Assert.Equal(MqttProtocolError.RemainingLengthTooLong, error.Error);
    }

    [Fact]
    public void A_fourth_byte_that_still_continues_is_refused_without_waiting_for_more()
    {
        var error = Assert.Throws<MqttProtocolException>(() => RemainingLength.TryRead(Hex.Parse("80 80 80 80"), out _, out _));
        Assert.Equal(MqttProtocolError.RemainingLengthTooLong, error.Error);
    }

    [Theory]
    [InlineData("80 00")]
    [InlineData("FF 80 00")]
    public void A_longer_encoding_than_needed_is_refused(string hex)
    {
        var error = Assert.Throws<MqttProtocolException>(() => RemainingLength.TryRead(Hex.Parse(hex), out _, out _));
        Assert.Equal(MqttProtocolError.RemainingLengthNotMinimal, error.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("80")]
    [InlineData("FF FF FF")]
    public void An_unfinished_length_asks_for_more_bytes(string hex)
    {
        Assert.False(RemainingLength.TryRead(Hex.Parse(hex), out _, out _));
    }
}
