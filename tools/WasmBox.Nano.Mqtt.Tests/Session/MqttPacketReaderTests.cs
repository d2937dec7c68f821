using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Mqtt.Packets;
using WasmBox.Nano.Mqtt.Session;
using WasmBox.Nano.Mqtt.Tests.Support;

namespace WasmBox.Nano.Mqtt.Tests.Session;

public class MqttPacketReaderTests
{
    /// <summary>A stream that fails the test if more than its prefix is read.</summary>
    private sealed class PrefixOnlyStream(byte[] prefix) : MemoryStream(prefix)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer, cancellationToken) : throw new InvalidOperationException("read past the header");
    }

    [Fact]
    public async Task Reads_consecutive_packets_then_null_at_a_clean_end()
    {
        byte[] wire = [.. PacketEncoder.Encode(new PublishPacket("a", new byte[300])), .. PacketEncoder.Encode(PingRespPacket.Instance)];
        var reader = new MqttPacketReader(new MemoryStream(wire), 1024);

        Assert.IsType<PublishPacket>(await reader.ReadAsync(default));
        Assert.IsType<PingRespPacket>(await reader.ReadAsync(default));
        Assert.Null(await reader.ReadAsync(default));
    }

    [Fact]
    public async Task An_oversized_packet_is_refused_before_its_body_is_read()
    {
        // Announces 200 MB; only the header may be consumed.
        var reader = new MqttPacketReader(new PrefixOnlyStream(Hex.Parse("30 80 80 80 60")), 256 * 1024);

        var error = await Assert.ThrowsAsync<MqttProtocolException>(() => reader.ReadAsync(default).AsTask());
        Assert.Equal(MqttProtocolError.PacketTooLarge, error.Error);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("30 85")]
    [InlineData("30 05 00 01 61")]
    public async Task A_stream_ending_inside_a_packet_is_truncation(string hex)
    {
        var reader = new MqttPacketReader(new MemoryStream(Hex.Parse(hex)), 1024);

        var error = await Assert.ThrowsAsync<MqttProtocolException>(() => reader.ReadAsync(default).AsTask());
        Assert.Equal(MqttProtocolError.Truncated, error.Error);
    }
}
