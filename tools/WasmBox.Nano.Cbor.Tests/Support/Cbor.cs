namespace WasmBox.Nano.Cbor.Tests.Support;

/// <summary>Short ways to build readers over hex text, as the RFC 8949 examples are written.</summary>
internal static class CborHex
{
    public const int Limit = 64;

    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    public static CborReader Reader(string hex, int maxCount = Limit) => Reader(Bytes(hex), maxCount);

    public static CborReader Reader(byte[] bytes, int maxCount = Limit) => new(bytes, 0, bytes.Length, maxCount);

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static string Written(Action<CborWriter> write)
    {
        var w = new CborWriter();
        write(w);
        return Hex(w.ToArray());
    }
}
