namespace WasmBox.Nano.MemoryPlan.DeviceHeap;

/// <summary>What an object graph would occupy on a 32-bit nanoFramework heap.</summary>
public sealed class DeviceFootprint
{
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    public long Bytes { get; private set; }

    /// <summary>Class instances (each one header block plus one 12-byte block per field).</summary>
    public int Objects { get; private set; }

    /// <summary>Arrays (a 20-byte header plus the elements, rounded up to whole blocks).</summary>
    public int Arrays { get; private set; }

    public int Strings { get; private set; }

    /// <summary>Device bytes per type name, largest first: the breakdown behind <see cref="Bytes"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByType =>
        _bytesByType.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();

    internal void AddObject(string type, long bytes)
    {
        Objects++;
        Add(type, bytes);
    }

    internal void AddArray(string type, long bytes)
    {
        Arrays++;
        Add(type, bytes);
    }

    internal void AddString(long bytes)
    {
        Strings++;
        Add("string", bytes);
    }

    private void Add(string type, long bytes)
    {
        Bytes += bytes;
        _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + bytes;
    }
}
