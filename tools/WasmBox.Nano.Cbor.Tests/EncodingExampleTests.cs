using WasmBox.Nano.Cbor.Tests.Support;

namespace WasmBox.Nano.Cbor.Tests;

/// <summary>Every major type against the examples of RFC 8949 Appendix A, in both directions.</summary>
public class EncodingExampleTests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(1UL, "01")]
    [InlineData(10UL, "0a")]
    [InlineData(23UL, "17")]
    [InlineData(24UL, "1818")]
    [InlineData(25UL, "1819")]
    [InlineData(100UL, "1864")]
    [InlineData(255UL, "18ff")]
    [InlineData(256UL, "190100")]
    [InlineData(1000UL, "1903e8")]
    [InlineData(65535UL, "19ffff")]
    [InlineData(65536UL, "1a00010000")]
    [InlineData(1000000UL, "1a000f4240")]
    [InlineData(4294967295UL, "1affffffff")]
    [InlineData(4294967296UL, "1b0000000100000000")]
    [InlineData(1000000000000UL, "1b000000e8d4a51000")]
    [InlineData(18446744073709551615UL, "1bffffffffffffffff")]
    public void Unsigned_integers(ulong value, string hex)
    {
        Assert.Equal(hex, CborHex.Written(w => w.WriteUInt(value)));
        var r = CborHex.Reader(hex);
        Assert.True(r.ReadUInt(ulong.MaxValue, out ulong read));
        Assert.Equal(value, read);
        Assert.True(r.AtEnd);
    }

    [Theory]
    [InlineData(0L, "00")]
    [InlineData(-1L, "20")]
    [InlineData(-10L, "29")]
    [InlineData(-24L, "37")]
    [InlineData(-25L, "3818")]
    [InlineData(-100L, "3863")]
    [InlineData(-1000L, "3903e7")]
    [InlineData(long.MaxValue, "1b7fffffffffffffff")]
    [InlineData(long.MinValue, "3b7fffffffffffffff")]
    public void Signed_integers(long value, string hex)
    {
        Assert.Equal(hex, CborHex.Written(w => w.WriteInt(value)));
        var r = CborHex.Reader(hex);
        Assert.True(r.ReadInt64(out long read));
        Assert.Equal(value, read);
        Assert.True(r.AtEnd);
    }

    [Theory]
    [InlineData("", "60")]
    [InlineData("a", "6161")]
    [InlineData("IETF", "6449455446")]
    [InlineData("\"\\", "62225c")]
    [InlineData("\u00fc", "62c3bc")]
    [InlineData("\u6c34", "63e6b0b4")]
    [InlineData("\ud800\udd51", "64f0908591")]
    public void Text_strings(string value, string hex)
    {
        Assert.Equal(hex, CborHex.Written(w => w.WriteText(value)));
        var r = CborHex.Reader(hex);
        Assert.True(r.ReadText(100, out string read));
        Assert.Equal(value, read);
        Assert.True(r.AtEnd);
    }

    [Theory]
    [InlineData("", "40")]
    [InlineData("01020304", "4401020304")]
    public void Byte_strings_are_slices_of_the_input(string content, string hex)
    {
        Assert.Equal(hex, CborHex.Written(w => w.WriteBytes(CborHex.Bytes(content))));
        var r = CborHex.Reader(hex);
        Assert.True(r.ReadBytes(100, out int offset, out int length));
        Assert.Equal(1, offset);
        Assert.Equal(content, CborHex.Hex(r.Buffer.AsSpan(offset, length).ToArray()));
    }

    [Fact]
    public void Long_byte_string_takes_a_two_byte_head()
    {
        byte[] content = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var w = new CborWriter();
        w.WriteBytes(content);
        byte[] encoded = w.ToArray();

        Assert.Equal("59012c", CborHex.Hex(encoded[..3]));
        Assert.True(CborHex.Reader(encoded).ReadBytesCopy(300, out byte[] read));
        Assert.Equal(content, read);
    }

    [Fact]
    public void Arrays_maps_and_nesting()
    {
        Assert.Equal("80", CborHex.Written(w => w.WriteArrayStart(0)));
        Assert.Equal("a0", CborHex.Written(w => w.WriteMapStart(0)));
        Assert.Equal("8301820203820405", CborHex.Written(w =>
        {
            w.WriteArrayStart(3);
            w.WriteUInt(1);
            w.WriteArrayStart(2);
            w.WriteUInt(2);
            w.WriteUInt(3);
            w.WriteArrayStart(2);
            w.WriteUInt(4);
            w.WriteUInt(5);
        }));

        var r = CborHex.Reader("a201020304");
        Assert.True(r.ReadMapStart(out int pairs));
        Assert.Equal(2, pairs);
        var items = new List<ulong>();
        for (int i = 0; i < 4; i++)
        {
            Assert.True(r.ReadUInt(10, out ulong v));
            items.Add(v);
        }
        Assert.Equal([1UL, 2, 3, 4], items);
        Assert.True(r.AtEnd);
    }

    [Fact]
    public void Array_of_25_items_uses_a_one_byte_count()
    {
        string hex = CborHex.Written(w =>
        {
            w.WriteArrayStart(25);
            for (int i = 1; i <= 25; i++)
            {
                w.WriteUInt((ulong)i);
            }
        });
        Assert.StartsWith("9819", hex);
        Assert.True(CborHex.Reader(hex).Skip(1));
    }

    [Fact]
    public void Tags_and_simple_values()
    {
        Assert.Equal("c11a514b67b0", CborHex.Written(w =>
        {
            w.WriteTag(1);
            w.WriteUInt(1363896240);
        }));
        Assert.Equal("f4f5f6", CborHex.Written(w =>
        {
            w.WriteBool(false);
            w.WriteBool(true);
            w.WriteNull();
        }));

        var r = CborHex.Reader("d818f4f5f6");
        Assert.True(r.ReadTag(out ulong tag));
        Assert.Equal(24UL, tag);
        Assert.True(r.ReadBool(out bool f));
        Assert.True(r.ReadBool(out bool t));
        Assert.True(r.TryReadNull());
        Assert.False(f);
        Assert.True(t);
        Assert.True(r.AtEnd);
    }

    [Fact]
    public void Peek_says_the_major_type_without_consuming()
    {
        var r = CborHex.Reader("20");
        Assert.Equal(CborReader.MajorNegative, r.PeekMajorType());
        Assert.Equal(0, r.Position);
        Assert.True(r.ReadInt64(out long v));
        Assert.Equal(-1, v);
        Assert.Equal(-1, r.PeekMajorType());
    }

    [Fact]
    public void TryReadNull_leaves_anything_else_in_place()
    {
        var r = CborHex.Reader("f5");
        Assert.False(r.TryReadNull());
        Assert.Equal(0, r.Position);
        Assert.Equal(CborError.None, r.Error);
    }

    [Fact]
    public void Reader_works_on_a_slice_of_a_larger_buffer()
    {
        byte[] buffer = CborHex.Bytes("ff ff 1903e8 ff");
        var r = new CborReader(buffer, 2, 3, 8);
        Assert.True(r.ReadUInt(ulong.MaxValue, out ulong v));
        Assert.Equal(1000UL, v);
        Assert.True(r.AtEnd);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(2, 2)]
    public void A_slice_outside_the_buffer_is_a_programming_error(int offset, int count)
    {
        Assert.Throws<ArgumentException>(() => new CborReader(new byte[3], offset, count, 8));
    }
}
