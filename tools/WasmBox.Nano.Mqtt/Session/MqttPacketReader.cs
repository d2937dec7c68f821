using System.Buffers.Binary;
using System.Text;
using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Mqtt.Packets;

namespace WasmBox.Nano.Mqtt.Session;

/// <summary>
/// Reads whole packets from a stream; the size limit is enforced before the body is allocated.
/// A PUBLISH over the limit, or one whose body does not decode, is read to its end in small
/// pieces and returned as a <see cref="DiscardedPublishPacket"/> (topic and packet id when they
/// could be read), so one hostile message never costs the session. Any other packet over the
/// limit or malformed is a protocol error.
/// </summary>
internal sealed class MqttPacketReader(Stream stream, int maxPacketSize)
{
    private const int SkipChunk = 4096;
    private readonly byte[] _header = new byte[1 + RemainingLength.MaxBytes];
    private byte[]? _skip;

    /// <summary>The next packet, or null when the stream ends cleanly between packets.</summary>
    public async ValueTask<MqttPacket?> ReadAsync(CancellationToken cancellationToken)
    {
        int count = 0;
        FixedHeader header;
        while (!PacketDecoder.TryReadFixedHeader(_header.AsSpan(0, count), int.MaxValue, out header))
        {
            if (await stream.ReadAsync(_header.AsMemory(count, 1), cancellationToken) == 0)
            {
                if (count == 0)
                    return null;
                throw new MqttProtocolException(MqttProtocolError.Truncated, "the connection ended inside a fixed header");
            }
            count++;
        }
        if (header.PacketSize > maxPacketSize)
        {
            if (header.Type != MqttPacketType.Publish)
                throw new MqttProtocolException(MqttProtocolError.PacketTooLarge, $"{header.Type} of {header.PacketSize} bytes exceeds the limit of {maxPacketSize}");
            return await DiscardAsync(header, $"{header.PacketSize} bytes exceed the limit of {maxPacketSize}", cancellationToken);
        }
        byte[] body = new byte[header.RemainingLength];
        await ReadExactlyAsync(body, header, cancellationToken);
        if (header.Type != MqttPacketType.Publish)
            return PacketDecoder.DecodeBody(header, body);
        try
        {
            return PacketDecoder.DecodeBody(header, body);
        }
        catch (MqttProtocolException e)
        {
            (string? topic, ushort packetId, int payloadLength) = PeekTopicAndId(body, header);
            return new DiscardedPublishPacket(topic, Qos(header), packetId, header.PacketSize, payloadLength, "malformed: " + e.Message);
        }
    }

    /// <summary>Reads an oversized PUBLISH's topic and packet id, then skips the rest without keeping it.</summary>
    private async ValueTask<MqttPacket> DiscardAsync(FixedHeader header, string reason, CancellationToken cancellationToken)
    {
        long left = header.RemainingLength;
        byte[] lengthBytes = new byte[2];
        await ReadExactlyAsync(lengthBytes, header, cancellationToken);
        left -= 2;
        int topicLength = BinaryPrimitives.ReadUInt16BigEndian(lengthBytes);
        string? topic = null;
        ushort packetId = 0;
        int idBytes = Qos(header) == MqttQos.AtMostOnce ? 0 : 2;
        int payloadLength = -1;
        if (topicLength + idBytes <= left)
        {
            byte[] head = new byte[topicLength + idBytes];
            await ReadExactlyAsync(head, header, cancellationToken);
            left -= head.Length;
            topic = DecodeTopic(head.AsSpan(0, topicLength));
            if (idBytes > 0)
                packetId = BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(topicLength));
            payloadLength = (int)left;
        }
        _skip ??= new byte[SkipChunk];
        while (left > 0)
        {
            int n = (int)Math.Min(left, SkipChunk);
            await ReadExactlyAsync(_skip.AsMemory(0, n), header, cancellationToken);
            left -= n;
        }
        return new DiscardedPublishPacket(topic, Qos(header), packetId, header.PacketSize, payloadLength, reason);
    }

    private static (string? Topic, ushort PacketId, int PayloadLength) PeekTopicAndId(byte[] body, FixedHeader header)
    {
        if (body.Length < 2)
            return (null, 0, -1);
        int topicLength = BinaryPrimitives.ReadUInt16BigEndian(body);
        int idBytes = Qos(header) == MqttQos.AtMostOnce ? 0 : 2;
        if (2 + topicLength + idBytes > body.Length)
            return (null, 0, -1);
        ushort packetId = idBytes == 0 ? (ushort)0 : BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(2 + topicLength));
        return (DecodeTopic(body.AsSpan(2, topicLength)), packetId, body.Length - 2 - topicLength - idBytes);
    }

    /// <summary>The topic as UTF-8, or null when it is not valid UTF-8 (it then names nothing to answer).</summary>
    private static string? DecodeTopic(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static MqttQos Qos(FixedHeader header) => (MqttQos)((header.Flags >> 1) & 0x03);

    private async ValueTask ReadExactlyAsync(Memory<byte> buffer, FixedHeader header, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken);
        }
        catch (EndOfStreamException)
        {
            throw new MqttProtocolException(MqttProtocolError.Truncated, $"the connection ended inside a {header.Type} of {header.PacketSize} bytes");
        }
    }
}

/// <summary>
/// A PUBLISH the reader consumed without keeping: over the size limit or malformed. Acknowledged
/// when it carries a packet id; reported through <see cref="MqttClient.PublishDiscarded"/>.
/// </summary>
internal sealed record DiscardedPublishPacket(string? Topic, MqttQos Qos, ushort PacketId, int Size, int PayloadLength, string Reason) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Publish;
}
