using System.Text;

namespace WasmBox.Nano.Mqtt.Codec;

/// <summary>MQTT's UTF-8 strings: well-formed, no U+0000, at most 65535 bytes.</summary>
internal static class MqttStrings
{
    public const int MaxBytes = ushort.MaxValue;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Encode(string value, string what)
    {
        byte[] bytes;
        try
        {
            bytes = Strict.GetBytes(value);
        }
        catch (EncoderFallbackException)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidString, $"{what} contains an unpaired surrogate");
        }
        CheckContent(value, bytes.Length, what);
        return bytes;
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string what)
    {
        string value;
        try
        {
            value = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidString, $"{what} is not well-formed UTF-8");
        }
        CheckContent(value, bytes.Length, what);
        return value;
    }

    private static void CheckContent(string value, int byteCount, string what)
    {
        if (byteCount > MaxBytes)
            throw new MqttProtocolException(MqttProtocolError.InvalidString, $"{what} is {byteCount} bytes long; the limit is {MaxBytes}");
        if (value.Contains('\0'))
            throw new MqttProtocolException(MqttProtocolError.InvalidString, $"{what} contains U+0000");
    }
}
