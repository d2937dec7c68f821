namespace WasmBox.Nano.Crypto.Tests;

public class DerSignatureTests
{
    private static bool Decode(string hex, out byte[] raw)
    {
        byte[] der = Convert.FromHexString(hex);
        raw = new byte[64];
        return EcdsaDerSignature.TryDecode(der, 0, der.Length, raw);
    }

    [Fact]
    public void MinimalEncoding_DecodesToLeftPaddedRawHalves()
    {
        // r = 0x80 (needs a sign byte), s = 0x01.
        Assert.True(Decode("3007020200800201 01".Replace(" ", ""), out byte[] raw));
        Assert.Equal(0x80, raw[31]);
        Assert.Equal(1, raw[63]);
        Assert.All(raw.Take(31).Concat(raw.Skip(32).Take(31)), b => Assert.Equal(0, b));
    }

    [Fact]
    public void FullWidthIntegers_WithSignByte_Decode()
    {
        string r = "00" + new string('f', 64), s = "7f" + new string('0', 62);
        Assert.True(Decode("3045" + "0221" + r + "0220" + s, out byte[] raw));
        Assert.Equal(Convert.FromHexString(new string('f', 64) + s), raw);
    }

    [Theory]
    [InlineData("3006020100020101", true)]        // zero is valid DER (Verify then rejects r = 0)
    [InlineData("3007020101020101 00", false)]    // trailing byte inside the SEQUENCE
    [InlineData("3006020101020101" + "00", false)] // trailing byte after the SEQUENCE
    [InlineData("308106020101020101", false)]     // long-form length where short fits
    [InlineData("3080020101020101 0000", false)]  // indefinite length
    [InlineData("30070202000102 0101", false)]    // non-minimal: needless leading zero
    [InlineData("3006020181020101", false)]       // negative r
    [InlineData("3006020101020181", false)]       // negative s
    [InlineData("3005020002 0101", false)]        // empty INTEGER
    [InlineData("3106020101020101", false)]       // SET instead of SEQUENCE
    [InlineData("3006030101020101", false)]       // BIT STRING instead of INTEGER
    [InlineData("3003020101", false)]             // s missing
    [InlineData("30", false)]                     // truncated
    [InlineData("", false)]
    public void StrictDer(string hex, bool expected) =>
        Assert.Equal(expected, Decode(hex.Replace(" ", ""), out _));

    [Fact]
    public void IntegerWiderThan256Bits_IsRejected()
    {
        string wide = "01" + new string('0', 64); // 33 significant bytes
        Assert.False(Decode("3026" + "0221" + wide + "020101", out _));
    }

    [Fact]
    public void BadArguments_ReturnFalse()
    {
        byte[] der = Convert.FromHexString("3006020101020101");
        Assert.False(EcdsaDerSignature.TryDecode(null!, 0, 0, new byte[64]));
        Assert.False(EcdsaDerSignature.TryDecode(der, 0, der.Length, new byte[63]));
        Assert.False(EcdsaDerSignature.TryDecode(der, 0, der.Length, null!));
        Assert.False(EcdsaDerSignature.TryDecode(der, 1, der.Length, new byte[64]));
        Assert.False(EcdsaDerSignature.TryDecode(der, -1, 3, new byte[64]));
        Assert.True(EcdsaDerSignature.TryDecode([0xAA, .. der], 1, der.Length, new byte[64]));
    }
}
