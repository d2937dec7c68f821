using WasmBox.Nano.Cbor;

namespace WasmBox.Nano.Bundle.Tests.Support;

/// <summary>
/// A manifest written key by key, so a test can break exactly one rule: replace a value,
/// drop a key, or append keys out of order. Starts valid, with every key present.
/// </summary>
internal sealed class ManifestDraft
{
    private readonly List<(int Key, Action<CborWriter> Value)> _fields =
    [
        (1, w => w.WriteUInt(1)),
        (2, w => w.WriteText("acme")),
        (3, w => w.WriteUInt(3)),
        (4, w => w.WriteUInt(7)),
        (5, w => w.WriteBytes(new byte[32])),
        (6, w => w.WriteUInt(100)),
        (7, w => w.WriteText("x")),
        (8, w => Array(w, 1, Hook(1, a => a.WriteUInt(1000), 0))),
        (9, w => Array(w, 2, a => a.WriteUInt(1), a => a.WriteUInt(16))),
        (10, w => Array(w, 1, a => Array(a, 2, p => p.WriteUInt(2), p => p.WriteUInt(3)))),
        (11, w => Array(w, 1, a => a.WriteText("temp0"))),
        (12, w =>
        {
            w.WriteMapStart(4);
            for (int k = 1; k <= 4; k++)
            {
                w.WriteUInt((ulong)k);
                w.WriteUInt(100);
            }
        }),
    ];

    public ManifestDraft Set(int key, Action<CborWriter> value)
    {
        int index = _fields.FindIndex(f => f.Key == key);
        if (index >= 0)
        {
            _fields[index] = (key, value);
        }
        else
        {
            _fields.Add((key, value));
            _fields.Sort((a, b) => a.Key.CompareTo(b.Key));
        }
        return this;
    }

    public ManifestDraft Without(int key)
    {
        _fields.RemoveAll(f => f.Key == key);
        return this;
    }

    /// <summary>Adds a key at the end, whatever the order.</summary>
    public ManifestDraft Append(int key, Action<CborWriter> value)
    {
        _fields.Add((key, value));
        return this;
    }

    public byte[] Encode()
    {
        var w = new CborWriter();
        w.WriteMapStart(_fields.Count);
        foreach (var (key, value) in _fields)
        {
            w.WriteUInt((ulong)key);
            value(w);
        }
        return w.ToArray();
    }

    /// <summary>Writes an array of <paramref name="count"/> items (the count may differ from the items on purpose).</summary>
    public static void Array(CborWriter w, int count, params Action<CborWriter>[] items)
    {
        w.WriteArrayStart(count);
        foreach (var item in items)
        {
            item(w);
        }
    }

    public static Action<CborWriter> Hook(int kind, Action<CborWriter> argument, int entry) =>
        w => Array(w, 3, a => a.WriteUInt((ulong)kind), argument, a => a.WriteUInt((ulong)entry));

    public static Action<CborWriter> Hooks(params Action<CborWriter>[] hooks) => w => Array(w, hooks.Length, hooks);
}
