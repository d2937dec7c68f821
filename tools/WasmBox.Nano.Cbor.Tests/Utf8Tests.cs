using System.Text;
using FsCheck;
using FsCheck.Fluent;
using WasmBox.Nano.Cbor.Tests.Support;

namespace WasmBox.Nano.Cbor.Tests;

/// <summary>Text strings must be well-formed UTF-8; the portable codec agrees with .NET's strict one.</summary>
public class Utf8Tests
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Theory]
    [InlineData("80")]             // lone continuation byte
    [InlineData("bf")]
    [InlineData("c080")]           // overlong '\0'
    [InlineData("c1bf")]           // overlong 0x7f
    [InlineData("e08080")]         // overlong three-byte
    [InlineData("e09fbf")]
    [InlineData("f0808080")]       // overlong four-byte
    [InlineData("f08fbfbf")]
    [InlineData("eda080")]         // high surrogate U+D800
    [InlineData("edbfbf")]         // low surrogate U+DFFF
    [InlineData("f4908080")]       // U+110000
    [InlineData("f5808080")]
    [InlineData("ff")]
    [InlineData("fe")]
    [InlineData("e282")]           // truncated sequence
    [InlineData("e228a1")]         // bad continuation
    [InlineData("c3")]
    [InlineData("61c3")]
    public void Ill_formed_text_is_refused(string content)
    {
        byte[] item = CborHex.Bytes((0x60 + content.Length / 2).ToString("x2") + content);
        var r = CborHex.Reader(item);

        Assert.False(r.ReadText(100, out string text));
        Assert.Null(text);
        Assert.Equal(CborError.BadText, r.Error);
        Assert.Equal(1, r.ErrorOffset);
        Assert.Throws<DecoderFallbackException>(() => Strict.GetString(CborHex.Bytes(content)));
    }

    [Theory]
    [InlineData("7f")]
    [InlineData("c280")]
    [InlineData("dfbf")]
    [InlineData("e0a080")]
    [InlineData("ed9fbf")]         // U+D7FF, just below the surrogates
    [InlineData("ee8080")]         // U+E000, just above
    [InlineData("efbfbf")]
    [InlineData("f0908080")]
    [InlineData("f48fbfbf")]       // U+10FFFF
    public void Boundary_code_points_are_accepted(string content)
    {
        byte[] bytes = CborHex.Bytes(content);
        Assert.True(Utf8.IsValid(bytes, 0, bytes.Length));
        Assert.Equal(Strict.GetString(bytes), Utf8.Decode(bytes, 0, bytes.Length));
    }

    [Fact]
    public void Validity_and_decoding_agree_with_dotnet_on_random_bytes()
    {
        // Bytes biased towards UTF-8 lead and continuation bytes, so many are almost valid.
        var interesting = Gen.OneOf(Gen.Choose(0, 255), Gen.Choose(0x80, 0xbf), Gen.Choose(0xc0, 0xf7)).Select(b => (byte)b);
        Prop.ForAll(interesting.ArrayOf().ToArbitrary(), bytes =>
        {
            bool valid = Utf8.IsValid(bytes, 0, bytes.Length);
            string? expected = null;
            try
            {
                expected = Strict.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
            }
            return valid == (expected is not null) && (!valid || Utf8.Decode(bytes, 0, bytes.Length) == expected);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(5000));
    }

    [Fact]
    public void Encoding_agrees_with_dotnet_including_lone_surrogates()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), text =>
            Utf8.Encode(text).AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(text)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
        Assert.Equal("efbfbd", CborHex.Hex(Utf8.Encode("\ud800")));
        Assert.Equal("61efbfbd", CborHex.Hex(Utf8.Encode("a\udc00")));
    }

    [Fact]
    public void Validation_respects_the_slice()
    {
        byte[] bytes = CborHex.Bytes("61 e282ac 62");
        Assert.True(Utf8.IsValid(bytes, 1, 3));
        Assert.False(Utf8.IsValid(bytes, 1, 2));
        Assert.Equal("\u20ac", Utf8.Decode(bytes, 1, 3));
    }
}
