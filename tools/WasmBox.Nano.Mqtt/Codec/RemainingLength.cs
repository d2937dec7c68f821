namespace WasmBox.Nano.Mqtt.Codec;

/// <summary>The fixed header's variable-length integer: 7 bits a byte, at most 4 bytes.</summary>
public static class RemainingLength
{
    public const int MaxValue = 268_435_455;
    public const int MaxBytes = 4;

    public static int EncodedSize(int value)
    {
        if (value is < 0 or > MaxValue)
            throw new MqttProtocolException(MqttProtocolError.PacketTooLarge, $"remaining length {value} is outside 0..{MaxValue}");
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }

    /// <summary>Writes <paramref name="value"/> and returns the number of bytes used.</summary>
    public static int Write(Span<byte> destination, int value)
    {
        int size = EncodedSize(value);
        for (int i = 0; i < size; i++)
        {
            byte digit = (byte)(value & 0x7F);
            value >>= 7;
            destination[i] = value > 0 ? (byte)(digit | 0x80) : digit;
        }
        return size;
    }

    /// <summary>
    /// Reads a remaining length from the start of <paramref name="source"/>; false when the
    /// bytes so far are a valid but unfinished prefix.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out int value, out int size)
    {
        value = 0;
        size = 0;
        for (int i = 0; i < MaxBytes; i++)
        {
            if (i >= source.Length)
                return false;
            byte b = source[i];
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                // A last byte of 0 after a continuation adds nothing: a longer encoding than needed.
                if (b == 0 && i > 0)
                    throw new MqttProtocolException(MqttProtocolError.RemainingLengthNotMinimal, $"remaining length {value} is encoded in {i + 1} bytes");
                size = i + 1;
                return true;
            }
        }
        throw new MqttProtocolException(MqttProtocolError.RemainingLengthTooLong, "remaining length continues past its fourth byte");
    }
}
