using System.Buffers.Binary;

namespace WasmBox.Nano.Mqtt.Codec;

/// <summary>Reads the fields of one packet body; running past the end is <see cref="MqttProtocolError.Truncated"/>.</summary>
internal ref struct MqttReader
{
    private readonly ReadOnlySpan<byte> _body;
    private readonly string _packetName;
    private int _position;

    public MqttReader(ReadOnlySpan<byte> body, string packetName)
    {
        _body = body;
        _packetName = packetName;
    }

    public readonly int Remaining => _body.Length - _position;

    public byte ReadByte() => Take(1, "a byte")[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2, "a two-byte integer"));

    public ushort ReadPacketId()
    {
        ushort id = ReadUInt16();
        if (id == 0)
            throw new MqttProtocolException(MqttProtocolError.InvalidPacketId, $"{_packetName} has packet identifier 0");
        return id;
    }

    public string ReadString(string what)
    {
        int length = ReadUInt16();
        return MqttStrings.Decode(Take(length, what), what);
    }

    public byte[] ReadBinary(string what)
    {
        int length = ReadUInt16();
        return Take(length, what).ToArray();
    }

    public byte[] ReadRest() => Take(Remaining, "the payload").ToArray();

    public readonly void ExpectEnd()
    {
        if (Remaining != 0)
            throw new MqttProtocolException(MqttProtocolError.TrailingBytes, $"{_packetName} has {Remaining} unexpected bytes at its end");
    }

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (count > Remaining)
            throw new MqttProtocolException(MqttProtocolError.Truncated, $"{_packetName} ends inside {what} ({count} bytes needed, {Remaining} left)");
        ReadOnlySpan<byte> slice = _body.Slice(_position, count);
        _position += count;
        return slice;
    }
}
