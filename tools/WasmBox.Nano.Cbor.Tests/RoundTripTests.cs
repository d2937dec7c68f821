using WasmBox.Nano.Cbor.Tests.Support;

namespace WasmBox.Nano.Cbor.Tests;

/// <summary>Random value trees: what the writer writes, the reader reads back, and Skip covers exactly.</summary>
public class RoundTripTests
{
    [Fact]
    public void Random_values_survive_write_then_read()
    {
        var random = new Random(20240601);
        for (int i = 0; i < 3000; i++)
        {
            CborValue value = CborValue.Random(random, depth: 4);
            var w = new CborWriter();
            value.WriteTo(w);
            byte[] encoded = w.ToArray();
            Assert.Equal(encoded.Length, w.Length);

            var r = new CborReader(encoded, 0, encoded.Length, int.MaxValue);
            CborValue? read = CborValue.ReadFrom(r);

            Assert.True(read is not null, "case " + i + ": " + r.Error + " at " + r.ErrorOffset + " in " + CborHex.Hex(encoded));
            Assert.Equal(value.ToString(), read!.ToString());
            Assert.True(r.AtEnd);

            var skipper = new CborReader(encoded, 0, encoded.Length, int.MaxValue);
            Assert.True(skipper.Skip(5));
            Assert.True(skipper.AtEnd);
        }
    }

    [Fact]
    public void Random_byte_soup_never_throws_and_never_overreads()
    {
        var random = new Random(7);
        for (int i = 0; i < 20000; i++)
        {
            var bytes = new byte[random.Next(0, 40)];
            random.NextBytes(bytes);
            var r = new CborReader(bytes, 0, bytes.Length, 16);
            while (r.Skip(8) && !r.AtEnd)
            {
            }
            Assert.InRange(r.Position, 0, bytes.Length);
            var typed = new CborReader(bytes, 0, bytes.Length, 16);
            CborValue.ReadFrom(typed);
            Assert.InRange(typed.Position, 0, bytes.Length);
        }
    }

    [Fact]
    public void Writer_grows_past_its_first_buffer()
    {
        var w = new CborWriter();
        byte[] big = new byte[100_000];
        new Random(1).NextBytes(big);
        w.WriteBytes(big);
        w.WriteText("end");
        byte[] encoded = w.ToArray();

        var r = new CborReader(encoded, 0, encoded.Length, 1);
        Assert.True(r.ReadBytesCopy(big.Length, out byte[] read));
        Assert.Equal(big, read);
        Assert.True(r.ReadText(3, out string end));
        Assert.Equal("end", end);
    }

    [Fact]
    public void Encoded_items_and_split_heads_compose()
    {
        var inner = new CborWriter();
        inner.WriteUInt(500);
        var w = new CborWriter();
        w.WriteArrayStart(2);
        w.WriteEncoded(inner.ToArray());
        w.WriteBytesHead(2);
        w.WriteEncoded([0xab, 0xcd]);
        w.WriteBytes([9, 8, 7], 1, 2);

        Assert.Equal("821901f442abcd420807", CborHex.Hex(w.ToArray()));
    }
}
