using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Mqtt.Packets;

namespace WasmBox.Nano.Mqtt.Session;

/// <summary>Reads whole packets from a stream; the size limit is enforced before the body is allocated.</summary>
internal sealed class MqttPacketReader(Stream stream, int maxPacketSize)
{
    private readonly byte[] _header = new byte[1 + RemainingLength.MaxBytes];

    /// <summary>The next packet, or null when the stream ends cleanly between packets.</summary>
    public async ValueTask<MqttPacket?> ReadAsync(CancellationToken cancellationToken)
    {
        int count = 0;
        FixedHeader header;
        while (!PacketDecoder.TryReadFixedHeader(_header.AsSpan(0, count), maxPacketSize, out header))
        {
            if (await stream.ReadAsync(_header.AsMemory(count, 1), cancellationToken) == 0)
            {
                if (count == 0)
                    return null;
                throw new MqttProtocolException(MqttProtocolError.Truncated, "the connection ended inside a fixed header");
            }
            count++;
        }
        byte[] body = new byte[header.RemainingLength];
        try
        {
            await stream.ReadExactlyAsync(body, cancellationToken);
        }
        catch (EndOfStreamException)
        {
            throw new MqttProtocolException(MqttProtocolError.Truncated, $"the connection ended inside a {header.Type} of {header.PacketSize} bytes");
        }
        return PacketDecoder.DecodeBody(header, body);
    }
}
