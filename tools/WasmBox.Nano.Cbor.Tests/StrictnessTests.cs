using WasmBox.Nano.Cbor.Tests.Support;

namespace WasmBox.Nano.Cbor.Tests;

/// <summary>The deterministic subset: shortest heads only, no indefinite lengths or floats, ranges and types enforced.</summary>
public class StrictnessTests
{
    [Theory]
    [InlineData("1817")]                 // 23 fits the initial byte
    [InlineData("1800")]
    [InlineData("1900ff")]               // 255 fits one byte
    [InlineData("1a0000ffff")]           // 65535 fits two bytes
    [InlineData("1b00000000ffffffff")]   // fits four bytes
    [InlineData("3817")]                 // negative
    [InlineData("5800")]                 // byte string length
    [InlineData("780161")]               // text string length
    [InlineData("9800")]                 // array count
    [InlineData("b900 00")]              // map count
    [InlineData("d80001")]               // tag number
    public void Non_shortest_heads_are_refused_in_every_major_type(string hex)
    {
        var r = CborHex.Reader(hex);
        Assert.False(r.Skip(4));
        Assert.Equal(CborError.NotMinimal, r.Error);
        Assert.Equal(0, r.ErrorOffset);
    }

    [Theory]
    [InlineData("5f4101ff")]   // indefinite byte string
    [InlineData("7f6161ff")]   // indefinite text
    [InlineData("9f01ff")]     // indefinite array
    [InlineData("bf0102ff")]   // indefinite map
    [InlineData("1c")]         // reserved additional info 28-30
    [InlineData("3d")]
    [InlineData("5e")]
    [InlineData("f93c00")]     // half float
    [InlineData("fa47c35000")] // single float
    [InlineData("fb3ff199999999999a")]
    [InlineData("f7")]         // undefined
    [InlineData("f0")]         // simple(16)
    [InlineData("f818")]       // simple(24)
    [InlineData("ff")]         // break outside an indefinite item
    public void Unsupported_encodings_are_refused(string hex)
    {
        var r = CborHex.Reader(hex);
        Assert.False(r.Skip(4));
        Assert.Equal(CborError.Unsupported, r.Error);
    }

    [Fact]
    public void Indefinite_lengths_are_refused_by_the_typed_reads_too()
    {
        var bytes = CborHex.Reader("5f4101ff");
        Assert.False(bytes.ReadBytes(10, out _, out _));
        Assert.Equal(CborError.Unsupported, bytes.Error);
        var array = CborHex.Reader("9f01ff");
        Assert.False(array.ReadArrayStart(out _));
        Assert.Equal(CborError.Unsupported, array.Error);
    }

    [Theory]
    [InlineData("6161", CborReader.MajorText)]
    [InlineData("20", CborReader.MajorNegative)]
    [InlineData("4161", CborReader.MajorBytes)]
    [InlineData("80", CborReader.MajorArray)]
    [InlineData("f6", CborReader.MajorSimple)]
    public void A_read_of_another_type_fails_without_consuming(string hex, int major)
    {
        var r = CborHex.Reader(hex);
        Assert.Equal(major, r.PeekMajorType());
        Assert.False(r.ReadUInt(ulong.MaxValue, out _));
        Assert.Equal(CborError.UnexpectedType, r.Error);
        Assert.Equal(0, r.Position);
    }

    [Theory]
    [InlineData("f6")]
    [InlineData("00")]
    [InlineData("f7")]
    public void ReadBool_takes_only_true_and_false(string hex)
    {
        var r = CborHex.Reader(hex);
        Assert.False(r.ReadBool(out _));
        Assert.Equal(CborError.UnexpectedType, r.Error);
    }

    [Fact]
    public void Values_above_the_callers_maximum_are_too_large()
    {
        var r = CborHex.Reader("1864");
        Assert.False(r.ReadUInt(99, out _));
        Assert.Equal(CborError.TooLarge, r.Error);
        Assert.True(CborHex.Reader("1864").ReadUInt(100, out _));
    }

    [Theory]
    [InlineData("1a7fffffff", true)]
    [InlineData("1a80000000", false)]
    [InlineData("20", false)]
    public void ReadInt32_covers_0_to_int_MaxValue(string hex, bool ok)
    {
        var r = CborHex.Reader(hex);
        Assert.Equal(ok, r.ReadInt32(out int value));
        Assert.Equal(ok ? int.MaxValue : 0, value);
    }

    [Theory]
    [InlineData("1b8000000000000000")]   // 2^63
    [InlineData("3b8000000000000000")]   // -2^63 - 1
    [InlineData("3bffffffffffffffff")]   // -2^64
    public void ReadInt64_refuses_values_outside_long(string hex)
    {
        var r = CborHex.Reader(hex);
        Assert.False(r.ReadInt64(out long value));
        Assert.Equal(CborError.TooLarge, r.Error);
        Assert.Equal(0, value);
    }

    [Fact]
    public void Strings_longer_than_the_callers_maximum_are_too_large()
    {
        var r = CborHex.Reader("6449455446");
        Assert.False(r.ReadText(3, out string text));
        Assert.Null(text);
        Assert.Equal(CborError.TooLarge, r.Error);
        Assert.True(CborHex.Reader("6449455446").ReadText(4, out _));
    }

    [Fact]
    public void Counts_above_the_readers_limit_are_too_large()
    {
        var r = CborHex.Reader("83010203", maxCount: 2);
        Assert.False(r.ReadArrayStart(out _));
        Assert.Equal(CborError.TooLarge, r.Error);
        Assert.True(CborHex.Reader("83010203", maxCount: 3).Skip(1));
    }

    [Fact]
    public void The_first_error_sticks_and_every_later_read_fails()
    {
        var r = CborHex.Reader("1817 01 6161 80");
        Assert.False(r.ReadUInt(ulong.MaxValue, out _));
        Assert.False(r.ReadUInt(ulong.MaxValue, out _));
        Assert.False(r.ReadText(10, out _));
        Assert.False(r.ReadArrayStart(out _));
        Assert.False(r.Skip(4));
        Assert.False(r.TryReadNull());
        Assert.Equal(-1, r.PeekMajorType());
        Assert.Equal(CborError.NotMinimal, r.Error);
        Assert.Equal(0, r.ErrorOffset);
    }

    [Fact]
    public void Every_error_has_a_description()
    {
        foreach (CborError error in Enum.GetValues<CborError>())
        {
            Assert.NotEqual("unknown error", CborErrorText.Describe(error));
        }
    }
}
