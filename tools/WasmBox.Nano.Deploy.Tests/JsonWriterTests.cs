using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using WasmBox.Nano.Protocol.Json;

namespace WasmBox.Nano.Deploy.Tests;

public class JsonWriterTests
{
    [Fact]
    public void Writes_nested_documents_with_commas_in_the_right_places()
    {
        var w = new JsonWriter(4);
        w.BeginObject().Property("a", 1).Property("b", "x").Name("c").BeginArray().Number(-5).Bool(true).Null()
            .BeginObject().EndObject().EndArray().Property("d", false).EndObject();

        Assert.Equal("""{"a":1,"b":"x","c":[-5,true,null,{}],"d":false}""", Encoding.UTF8.GetString(w.ToArray()));
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    [InlineData(0)]
    [InlineData(-7)]
    public void Numbers_round_trip_including_the_extremes(long value)
    {
        byte[] json = new JsonWriter(8).Number(value).ToArray();

        Assert.Equal(value, JsonDocument.Parse(json).RootElement.GetInt64());
    }

    [Fact]
    public void Any_string_is_written_as_valid_json_that_reads_back_the_same()
    {
        Prop.ForAll<string>(s =>
        {
            s ??= "";
            byte[] json = new JsonWriter(16).BeginObject().Property("s", s).EndObject().ToArray();
            string back = JsonDocument.Parse(json).RootElement.GetProperty("s").GetString()!;
            // Lone surrogates have no UTF-8 form: the writer puts U+FFFD in their place.
            return back == Sanitize(s);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Long_text_is_cut_and_marked()
    {
        byte[] json = new JsonWriter(16).String(new string('x', 50), 10).ToArray();

        Assert.Equal("\"xxxxxxxxxx...\"", Encoding.UTF8.GetString(json));
    }

    [Fact]
    public void Hex_strings_and_unbalanced_closes()
    {
        Assert.Equal("\"00ff10\"", Encoding.UTF8.GetString(new JsonWriter(4).HexString([0x00, 0xFF, 0x10]).ToArray()));
        Assert.Throws<InvalidOperationException>(() => new JsonWriter(4).EndObject());
        Assert.Throws<InvalidOperationException>(() => new JsonWriter(4).BeginObject().Name("x").EndObject());
    }

    private static string Sanitize(string s)
    {
        var b = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                b.Append(s, i, 2);
                i++;
            }
            else
            {
                b.Append(char.IsSurrogate(s[i]) ? '\uFFFD' : s[i]);
            }
        }
        return b.ToString();
    }
}
