namespace WasmBox.Nano.Vm.Tests.Support;

/// <summary>
/// The address space the isolation properties run in: a writable context window inside a
/// larger backing array (guard bytes on both sides), a writable data region, a read-only
/// region, all separated by unmapped space, plus a canary array that is never mapped.
/// </summary>
internal sealed class IsolatedMemory
{
    public const int RegionSize = 64;
    private const int Guard = 16;

    public readonly byte[] ContextBacking = Pattern(RegionSize + 2 * Guard, 11);
    public readonly byte[] Data = Pattern(RegionSize, 23);
    public readonly byte[] Rodata = Pattern(RegionSize, 37);
    public readonly byte[] Canary = Pattern(256, 41);

    private readonly byte[] _contextAtStart;
    private readonly byte[] _dataAtStart;
    private readonly byte[] _rodataAtStart;
    private readonly byte[] _canaryAtStart;

    public IsolatedMemory()
    {
        _contextAtStart = (byte[])ContextBacking.Clone();
        _dataAtStart = (byte[])Data.Clone();
        _rodataAtStart = (byte[])Rodata.Clone();
        _canaryAtStart = (byte[])Canary.Clone();
    }

    public void MapInto(VmMemory memory)
    {
        memory.Map(new MemoryRegion(MemoryRegion.ContextBase, ContextBacking, Guard, RegionSize, true, true));
        memory.Map(new MemoryRegion(MemoryRegion.DataBase, Data, true, true));
        memory.Map(new MemoryRegion(MemoryRegion.RodataBase, Rodata, true, false));
    }

    /// <summary>True when nothing outside the writable windows changed since construction.</summary>
    public bool OnlyWritableBytesChanged()
    {
        return Rodata.AsSpan().SequenceEqual(_rodataAtStart)
            && Canary.AsSpan().SequenceEqual(_canaryAtStart)
            && ContextBacking.AsSpan(0, Guard).SequenceEqual(_contextAtStart.AsSpan(0, Guard))
            && ContextBacking.AsSpan(Guard + RegionSize).SequenceEqual(_contextAtStart.AsSpan(Guard + RegionSize));
    }

    /// <summary>True when the program (or a helper) wrote into the context window or the data region.</summary>
    public bool WritableBytesChanged()
    {
        return !ContextBacking.AsSpan().SequenceEqual(_contextAtStart) || !Data.AsSpan().SequenceEqual(_dataAtStart);
    }

    /// <summary>Puts the writable regions back as they were, for a second identical run.</summary>
    public void Restore()
    {
        _contextAtStart.CopyTo(ContextBacking, 0);
        _dataAtStart.CopyTo(Data, 0);
    }

    /// <summary>Deterministic non-zero-ish bytes with a few NULs so string helpers terminate sometimes.</summary>
    private static byte[] Pattern(int length, int seed) =>
        Enumerable.Range(0, length).Select(i => (byte)((i * seed + 7) % 251 % 40 == 0 ? 0 : i * seed + 1)).ToArray();
}
