using System.Buffers.Binary;

namespace WasmBox.Nano.Mqtt.Codec;

/// <summary>Writes one whole packet into a buffer sized exactly for it.</summary>
internal sealed class MqttWriter
{
    private readonly byte[] _buffer;
    private int _position;

    /// <summary>Starts a packet with its fixed header; <paramref name="bodyLength"/> bytes must follow.</summary>
    public MqttWriter(byte firstByte, int bodyLength)
    {
        int lengthSize = RemainingLength.EncodedSize(bodyLength);
        _buffer = new byte[1 + lengthSize + bodyLength];
        _buffer[0] = firstByte;
        _position = 1 + RemainingLength.Write(_buffer.AsSpan(1), bodyLength);
    }

    public void WriteByte(byte value) => _buffer[_position++] = value;

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(_position), value);
        _position += 2;
    }

    /// <summary>A length-prefixed field (an encoded string or binary data).</summary>
    public void WriteField(ReadOnlySpan<byte> value)
    {
        WriteUInt16((ushort)value.Length);
        WriteBytes(value);
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_buffer.AsSpan(_position));
        _position += value.Length;
    }

    public byte[] Finish()
    {
        if (_position != _buffer.Length)
            throw new InvalidOperationException($"packet body wrote {_position} of {_buffer.Length} bytes");
        return _buffer;
    }
}
