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
    public async Task An_oversized_publish_is_read_to_its_end_and_discarded_with_its_topic_and_id()
    {
        byte[] big = PacketEncoder.Encode(new PublishPacket("wbx/d/deploy", new byte[300_000], MqttQos.AtLeastOnce, PacketId: 77));
        byte[] wire = [.. big, .. PacketEncoder.Encode(PingRespPacket.Instance)];
        var reader = new MqttPacketReader(new MemoryStream(wire), 256 * 1024);

        var discarded = Assert.IsType<DiscardedPublishPacket>(await reader.ReadAsync(default));
        Assert.Equal(("wbx/d/deploy", MqttQos.AtLeastOnce, (ushort)77, big.Length, 300_000), (discarded.Topic, discarded.Qos, discarded.PacketId, discarded.Size, discarded.PayloadLength));
        Assert.IsType<PingRespPacket>(await reader.ReadAsync(default));
    }

    [Fact]
    public async Task A_malformed_publish_is_discarded_and_the_next_packet_still_reads()
    {
        // PUBLISH QoS 1 with topic "#" (a wildcard: not a topic name), packet id 5, payload "x".
        byte[] wire = [.. Hex.Parse("32 06 00 01 23 00 05 78"), .. PacketEncoder.Encode(PingRespPacket.Instance)];
        var reader = new MqttPacketReader(new MemoryStream(wire), 1024);

        var discarded = Assert.IsType<DiscardedPublishPacket>(await reader.ReadAsync(default));
        Assert.Equal(("#", (ushort)5, 1), (discarded.Topic, discarded.PacketId, discarded.PayloadLength));
        Assert.StartsWith("malformed", discarded.Reason);
        Assert.IsType<PingRespPacket>(await reader.ReadAsync(default));
    }

    [Fact]
    public async Task An_oversized_packet_of_another_type_is_refused_before_its_body_is_read()
    {
        // A SUBACK announcing 200 MB; only the header may be consumed.
        var reader = new MqttPacketReader(new PrefixOnlyStream(Hex.Parse("90 80 80 80 60")), 256 * 1024);

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
