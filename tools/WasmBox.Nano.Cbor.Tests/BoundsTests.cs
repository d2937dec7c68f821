using WasmBox.Nano.Cbor.Tests.Support;

namespace WasmBox.Nano.Cbor.Tests;

/// <summary>Truncated input, lengths and counts that lie, and deep nesting: refused, never read past, never allocated for.</summary>
public class BoundsTests
{
    public static TheoryData<string> ValidItems() => new()
    {
        "1b000000e8d4a51000",
        "3903e7",
        "4401020304",
        "64f0908591",
        "8301820203820405",
        "a26161016162820203",
        "c11a514b67b0",
        "d28443a10126a04401020304" + "5840" + new string('0', 128),   // a COSE_Sign1 shape
    };

    [Theory]
    [MemberData(nameof(ValidItems))]
    public void Every_truncation_of_a_valid_item_is_refused_without_reading_past_the_end(string hex)
    {
        byte[] whole = CborHex.Bytes(hex);
        Assert.True(CborHex.Reader(whole).Skip(8));
        for (int length = 0; length < whole.Length; length++)
        {
            // The rest of the item is in the buffer, just outside the slice: it must not be read.
            var r = new CborReader(whole, 0, length, CborHex.Limit);

            Assert.False(r.Skip(8), "prefix of " + length + " bytes");
            Assert.True(r.Error is CborError.Truncated or CborError.TooLarge, length + ": " + r.Error);
            Assert.InRange(r.ErrorOffset, 0, length);
            Assert.InRange(r.Position, 0, length);
        }
    }

    [Theory]
    [InlineData("5affffffff")]               // a 4 GB byte string in 5 bytes
    [InlineData("5b0000000100000000")]       // 2^32 bytes
    [InlineData("5bffffffffffffffff")]
    [InlineData("7affffffff")]               // a 4 GB text string
    [InlineData("5a7fffffff")]               // int.MaxValue bytes: fits the caller's limit, not the input
    public void Huge_announced_strings_are_refused_without_allocating(string hex)
    {
        byte[] input = CborHex.Bytes(hex);
        var bytes = CborHex.Reader(input);
        var text = CborHex.Reader(input);
        long before = GC.GetAllocatedBytesForCurrentThread();

        bool readBytes = bytes.ReadBytesCopy(int.MaxValue, out byte[] copy);
        bool readText = text.ReadText(int.MaxValue, out string str);
        bool skipped = CborHex.Reader(input).Skip(4);

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(readBytes || readText || skipped);
        Assert.Null(copy);
        Assert.Null(str);
        Assert.True(allocated < 1024, allocated + " bytes allocated");
    }

    [Theory]
    [InlineData("9affffffff")]               // 2^32 - 1 array items in 5 bytes
    [InlineData("9b0000000100000000")]       // 2^32 items
    [InlineData("baffffffff")]               // as many map pairs
    [InlineData("9903e8")]                   // 1000 items, 3 bytes of input
    public void Huge_announced_counts_are_too_large(string hex)
    {
        var r = CborHex.Reader(hex, maxCount: int.MaxValue);
        int major = r.PeekMajorType();
        bool ok = major == CborReader.MajorArray ? r.ReadArrayStart(out int count) : r.ReadMapStart(out count);
        Assert.False(ok);
        Assert.Equal(0, count);
        Assert.Equal(CborError.TooLarge, r.Error);
        Assert.False(CborHex.Reader(hex, maxCount: int.MaxValue).Skip(4));
    }

    [Fact]
    public void A_count_is_checked_against_the_input_left_not_just_the_limit()
    {
        // 5 items announced, 4 bytes follow: impossible, whatever the limit.
        var r = CborHex.Reader("8501020304", maxCount: 100);
        Assert.False(r.ReadArrayStart(out _));
        Assert.Equal(CborError.TooLarge, r.Error);
    }

    [Fact]
    public void Skip_stops_at_its_nesting_limit()
    {
        byte[] nested = Nested(0x81, 20);
        Assert.True(CborHex.Reader(nested).Skip(20));

        var r = CborHex.Reader(nested);
        Assert.False(r.Skip(19));
        Assert.Equal(CborError.TooDeep, r.Error);
    }

    [Fact]
    public void Tags_count_as_nesting()
    {
        var r = CborHex.Reader(Nested(0xc1, 10));
        Assert.False(r.Skip(5));
        Assert.Equal(CborError.TooDeep, r.Error);
    }

    [Fact]
    public void Very_deep_input_cannot_exhaust_the_stack()
    {
        // 200,000 nested maps/arrays: Skip gives up at its limit instead of recursing through all of them.
        byte[] deep = Nested(0xa1, 100_000).Concat(Nested(0x81, 100_000)).ToArray();
        var r = new CborReader(deep, 0, deep.Length, int.MaxValue);
        Assert.False(r.Skip(64));
        Assert.Equal(CborError.TooDeep, r.Error);
    }

    [Fact]
    public void Skip_with_a_negative_depth_refuses_at_once()
    {
        var r = CborHex.Reader("00");
        Assert.False(r.Skip(-1));
        Assert.Equal(CborError.TooDeep, r.Error);
    }

    [Fact]
    public void Empty_input_is_truncated()
    {
        var r = CborHex.Reader("");
        Assert.False(r.ReadUInt(1, out _));
        Assert.Equal(CborError.Truncated, r.Error);
        Assert.False(CborHex.Reader("").ReadBool(out _));
        Assert.False(CborHex.Reader("").Skip(1));
    }

    /// <summary><paramref name="depth"/> containers of one item each, around a 0.</summary>
    private static byte[] Nested(byte head, int depth) => Enumerable.Repeat(head, depth).Append((byte)0).ToArray();
}
