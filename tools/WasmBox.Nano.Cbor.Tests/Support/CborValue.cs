using System.Text;

namespace WasmBox.Nano.Cbor.Tests.Support;

/// <summary>
/// A small CBOR data model for round-trip tests: random trees are written with
/// <see cref="CborWriter"/> and read back with <see cref="CborReader"/>; <see cref="ToString"/>
/// is a canonical text form, so two trees are equal when their texts are.
/// </summary>
internal abstract record CborValue
{
    public sealed record UInt(ulong Value) : CborValue;
    public sealed record NegInt(long Value) : CborValue;
    public sealed record Bytes(byte[] Value) : CborValue;
    public sealed record Text(string Value) : CborValue;
    public sealed record Array(CborValue[] Items) : CborValue;
    public sealed record Map(CborValue[] KeysAndValues) : CborValue;
    public sealed record Tag(ulong Number, CborValue Content) : CborValue;
    public sealed record Bool(bool Value) : CborValue;
    public sealed record Null : CborValue;

    public sealed override string ToString() => this switch
    {
        UInt u => u.Value.ToString(),
        NegInt n => n.Value.ToString(),
        Bytes b => "h'" + Convert.ToHexStringLower(b.Value) + "'",
        Text t => "\"" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(t.Value)) + "\"",
        Array a => "[" + string.Join(",", a.Items.Select(i => i.ToString())) + "]",
        Map m => "{" + string.Join(",", m.KeysAndValues.Select(i => i.ToString())) + "}",
        Tag g => g.Number + "(" + g.Content + ")",
        Bool b => b.Value ? "true" : "false",
        _ => "null",
    };

    public void WriteTo(CborWriter w)
    {
        switch (this)
        {
            case UInt u: w.WriteUInt(u.Value); break;
            case NegInt n: w.WriteInt(n.Value); break;
            case Bytes b: w.WriteBytes(b.Value); break;
            case Text t: w.WriteText(t.Value); break;
            case Array a:
                w.WriteArrayStart(a.Items.Length);
                foreach (CborValue item in a.Items)
                {
                    item.WriteTo(w);
                }
                break;
            case Map m:
                w.WriteMapStart(m.KeysAndValues.Length / 2);
                foreach (CborValue item in m.KeysAndValues)
                {
                    item.WriteTo(w);
                }
                break;
            case Tag g:
                w.WriteTag(g.Number);
                g.Content.WriteTo(w);
                break;
            case Bool b: w.WriteBool(b.Value); break;
            default: w.WriteNull(); break;
        }
    }

    /// <summary>Reads one item, or null when the reader refuses it.</summary>
    public static CborValue? ReadFrom(CborReader r)
    {
        switch (r.PeekMajorType())
        {
            case CborReader.MajorUnsigned:
                return r.ReadUInt(ulong.MaxValue, out ulong u) ? new UInt(u) : null;
            case CborReader.MajorNegative:
                return r.ReadInt64(out long n) ? new NegInt(n) : null;
            case CborReader.MajorBytes:
                return r.ReadBytesCopy(int.MaxValue, out byte[] b) ? new Bytes(b) : null;
            case CborReader.MajorText:
                return r.ReadText(int.MaxValue, out string t) ? new Text(t) : null;
            case CborReader.MajorArray:
                return r.ReadArrayStart(out int count) ? ReadItems(r, count, items => new Array(items)) : null;
            case CborReader.MajorMap:
                return r.ReadMapStart(out int pairs) ? ReadItems(r, pairs * 2, items => new Map(items)) : null;
            case CborReader.MajorTag:
                if (!r.ReadTag(out ulong tag))
                {
                    return null;
                }
                CborValue? content = ReadFrom(r);
                return content is null ? null : new Tag(tag, content);
            case CborReader.MajorSimple:
                if (r.TryReadNull())
                {
                    return new Null();
                }
                return r.ReadBool(out bool v) ? new Bool(v) : null;
            default:
                return null;
        }
    }

    private static CborValue? ReadItems(CborReader r, int count, Func<CborValue[], CborValue> make)
    {
        var items = new CborValue[count];
        for (int i = 0; i < count; i++)
        {
            CborValue? item = ReadFrom(r);
            if (item is null)
            {
                return null;
            }
            items[i] = item;
        }
        return make(items);
    }

    /// <summary>A random tree at most <paramref name="depth"/> deep; integers favour the edges of each head size.</summary>
    public static CborValue Random(Random random, int depth)
    {
        int kind = random.Next(depth > 0 ? 9 : 6);
        return kind switch
        {
            0 => new UInt(Edgy(random)),
            1 => new NegInt(-1 - (long)(Edgy(random) >> 1)),
            2 => new Bytes(RandomBytes(random, random.Next(0, 300))),
            3 => new Text(RandomText(random)),
            4 => random.Next(2) == 0 ? new Bool(random.Next(2) == 0) : new Null(),
            5 => new UInt((ulong)random.Next(24)),
            6 => new Array(Enumerable.Range(0, random.Next(0, 30)).Select(_ => Random(random, depth - 1)).ToArray()),
            7 => new Map(Enumerable.Range(0, 2 * random.Next(0, 12)).Select(_ => Random(random, depth - 1)).ToArray()),
            _ => new Tag(Edgy(random), Random(random, depth - 1)),
        };
    }

    private static readonly ulong[] Edges = [0, 23, 24, 255, 256, 65535, 65536, 0xffffffff, 0x100000000, ulong.MaxValue];

    private static ulong Edgy(Random random)
    {
        ulong edge = Edges[random.Next(Edges.Length)];
        long delta = random.Next(-2, 3);
        ulong value = unchecked(edge + (ulong)delta);
        return random.Next(4) == 0 ? (ulong)random.NextInt64() : value;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        int length = random.Next(0, 40);
        for (int i = 0; i < length; i++)
        {
            int kind = random.Next(4);
            text.Append(kind switch
            {
                0 => ((char)random.Next(0x20, 0x7f)).ToString(),
                1 => ((char)random.Next(0x80, 0x800)).ToString(),
                2 => ((char)random.Next(0xe000, 0x10000)).ToString(),
                _ => char.ConvertFromUtf32(random.Next(0x10000, 0x110000)),
            });
        }
        return text.ToString();
    }
}
