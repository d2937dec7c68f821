using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Update.Tests.Support;

/// <summary>An in-memory board drive: each call is atomic, as the real adapters promise.</summary>
public sealed class MemoryStorage : IStorage
{
    private readonly SortedDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    public bool Exists(string name) => _blobs.ContainsKey(name);

    public byte[]? Read(string name) => _blobs.TryGetValue(name, out byte[]? blob) ? (byte[])blob.Clone() : null;

    public bool Write(string name, byte[] data, int offset, int count)
    {
        _blobs[name] = data.AsSpan(offset, count).ToArray();
        return true;
    }

    public bool Delete(string name) => _blobs.Remove(name);

    public bool Rename(string from, string to)
    {
        if (!_blobs.Remove(from, out byte[]? blob))
        {
            return false;
        }
        _blobs[to] = blob;
        return true;
    }

    public string[] List(string prefix) => _blobs.Keys.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

    public MemoryStorage Clone()
    {
        var copy = new MemoryStorage();
        foreach (var (name, blob) in _blobs)
        {
            copy._blobs[name] = (byte[])blob.Clone();
        }
        return copy;
    }

    /// <summary>Every blob as "name=hex", for comparing whole drives.</summary>
    public string[] Dump() => _blobs.Select(kv => kv.Key + "=" + Convert.ToHexString(kv.Value)).ToArray();
}

public enum FaultMode
{
    /// <summary>The faulting write throws and changes nothing; later writes work.</summary>
    Throw,
    /// <summary>The faulting write returns false and changes nothing; later writes work.</summary>
    Fail,
    /// <summary>Power is lost: the faulting write and every later one report success but never reach the drive.</summary>
    PowerLoss,
}

/// <summary>
/// A drive that misbehaves at its n-th mutation (write, delete or rename; reads never fail).
/// <see cref="Durable"/> is what a reboot finds.
/// </summary>
public sealed class FaultyStorage(MemoryStorage durable, int faultAt, FaultMode mode) : IStorage
{
    public MemoryStorage Durable { get; } = durable;

    /// <summary>Mutations attempted so far.</summary>
    public int Mutations { get; private set; }

    public bool Exists(string name) => Durable.Exists(name);

    public byte[]? Read(string name) => Durable.Read(name);

    public string[] List(string prefix) => Durable.List(prefix);

    public bool Write(string name, byte[] data, int offset, int count) => Mutate(() => Durable.Write(name, data, offset, count));

    public bool Delete(string name) => Mutate(() => Durable.Delete(name));

    public bool Rename(string from, string to) => Mutate(() => Durable.Rename(from, to));

    private bool Mutate(Func<bool> apply)
    {
        int n = ++Mutations;
        bool faulty = mode == FaultMode.PowerLoss ? n >= faultAt : n == faultAt;
        if (faultAt <= 0 || !faulty)
        {
            return apply();
        }
        return mode switch
        {
            FaultMode.Throw => throw new IOException("injected fault at mutation " + n),
            FaultMode.Fail => false,
            _ => true,
        };
    }
}
