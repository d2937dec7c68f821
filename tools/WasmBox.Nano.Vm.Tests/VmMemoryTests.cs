namespace WasmBox.Nano.Vm.Tests;

/// <summary>The checked accessors helpers use, and the region table's setup rules.</summary>
public class VmMemoryTests
{
    private const uint A = MemoryRegion.DataBase;
    private const uint B = MemoryRegion.DataBase + 16; // adjacent to A

    private readonly byte[] _a = Enumerable.Range(0x10, 16).Select(i => (byte)i).ToArray();
    private readonly byte[] _b = new byte[16];
    private readonly byte[] _ro = Enumerable.Range(0x40, 16).Select(i => (byte)i).ToArray();
    private readonly VmMemory _memory = new();

    public VmMemoryTests()
    {
        _memory.Map(new MemoryRegion(A, _a, true, true));
        _memory.Map(new MemoryRegion(B, _b, true, true));
        _memory.Map(new MemoryRegion(MemoryRegion.RodataBase, _ro, true, false));
    }

    [Fact]
    public void ReadsInsideARegionSucceed()
    {
        Assert.True(_memory.TryReadByte(A + 15, out byte b));
        Assert.Equal(0x1F, b);
        Assert.True(_memory.TryReadUInt32(A + 12, out uint w));
        Assert.Equal(0x1F1E1D1CU, w);
        Assert.True(_memory.TryReadUInt64(A + 8, out ulong d));
        Assert.Equal(0x1F1E1D1C1B1A1918UL, d);
        Assert.True(_memory.TryReadUInt32(MemoryRegion.RodataBase, out _));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(A - 1UL)]
    [InlineData(B + 16UL)]
    [InlineData(A + 0x1_0000_0000UL)]
    [InlineData(ulong.MaxValue)]
    public void ReadsOutsideEveryRegionFailWithZero(ulong address)
    {
        Assert.False(_memory.TryReadByte(address, out byte b));
        Assert.Equal(0, b);
        Assert.False(_memory.TryReadUInt32(address, out uint w));
        Assert.Equal(0U, w);
        Assert.False(_memory.TryReadUInt64(address, out ulong d));
        Assert.Equal(0UL, d);
        Assert.False(_memory.TryRead(address, new byte[1], 0, 1));
    }

    [Fact]
    public void AccessesStraddlingARegionEndOrTwoRegionsFail()
    {
        Assert.False(_memory.TryReadUInt32(A + 13, out _));
        Assert.False(_memory.TryReadUInt64(A + 12, out _));
        Assert.False(_memory.TryWriteUInt32(A + 14, 0xFFFFFFFF));
        Assert.False(_memory.TryWriteUInt64(A + 9, ulong.MaxValue));
        Assert.False(_memory.TryWrite(A + 8, new byte[16], 0, 16));
        Assert.False(_memory.TryRead(A, new byte[32], 0, 32));
        Assert.Equal(Enumerable.Range(0x10, 16).Select(i => (byte)i), _a);
        Assert.All(_b, x => Assert.Equal(0, x));
    }

    [Fact]
    public void WritesToAReadOnlyRegionFailAndChangeNothing()
    {
        byte[] before = (byte[])_ro.Clone();
        Assert.False(_memory.TryWriteUInt32(MemoryRegion.RodataBase, 0));
        Assert.False(_memory.TryWriteUInt64(MemoryRegion.RodataBase + 8, 0));
        Assert.False(_memory.TryWrite(MemoryRegion.RodataBase, new byte[4], 0, 4));
        Assert.Equal(VmMemory.NotPermitted, _memory.Translate(MemoryRegion.RodataBase, 1, true));
        Assert.Equal(before, _ro);
    }

    [Fact]
    public void WritesInsideAWritableRegionLandLittleEndian()
    {
        Assert.True(_memory.TryWriteUInt32(B, 0x04030201));
        Assert.True(_memory.TryWriteUInt64(B + 8, 0x0C0B0A0908070605));
        Assert.True(_memory.TryWrite(B + 4, [0xAA, 0xBB], 0, 2));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 0xAA, 0xBB, 0, 0, 5, 6, 7, 8, 9, 10, 11, 12 }, _b);
    }

    [Theory]
    [InlineData(-1, 0, 4)]
    [InlineData(1, -1, 4)]
    [InlineData(1, 4, 4)]
    [InlineData(3, 2, 4)]
    public void BulkCopiesRejectBadHostRanges(int length, int index, int hostSize)
    {
        Assert.False(_memory.TryRead(A, new byte[hostSize], index, length));
        Assert.False(_memory.TryWrite(B, new byte[hostSize], index, length));
        Assert.All(_b, x => Assert.Equal(0, x));
    }

    [Fact]
    public void CStringLengthFindsTheTerminator()
    {
        _b[0] = (byte)'a'; _b[1] = (byte)'b'; _b[2] = (byte)'c'; _b[3] = 0;
        Assert.Equal(3, _memory.CStringLength(B, 100));
        Assert.Equal(0, _memory.CStringLength(B + 3, 100));
        Assert.Equal(3, _memory.CStringLength(B, 4));
    }

    [Fact]
    public void CStringLengthRejectsUnterminatedAndUnmappedStrings()
    {
        // A ends without a NUL; the zero bytes of the adjacent region B must not terminate it.
        Assert.Equal(-1, _memory.CStringLength(A, 100));
        Assert.Equal(-1, _memory.CStringLength(A + 15, 100));
        _b[0] = (byte)'a'; _b[1] = 0;
        Assert.Equal(-1, _memory.CStringLength(B, 1));
        Assert.Equal(-1, _memory.CStringLength(B, 0));
        Assert.Equal(-1, _memory.CStringLength(B, -5));
        Assert.Equal(-1, _memory.CStringLength(0, 100));
        Assert.Equal(-1, _memory.CStringLength(B + 16, 100));
    }

    [Fact]
    public void CStringLengthStopsAtTheVisibleWindowOfTheBackingArray()
    {
        byte[] backing = [(byte)'x', (byte)'y', (byte)'z', (byte)'w', 0];
        var memory = new VmMemory();
        memory.Map(new MemoryRegion(MemoryRegion.GrantBase, backing, 0, 4, true, false));
        Assert.Equal(-1, memory.CStringLength(MemoryRegion.GrantBase, 100));
        var window = new VmMemory();
        window.Map(new MemoryRegion(MemoryRegion.GrantBase, backing, 1, 4, true, false));
        Assert.Equal(3, window.CStringLength(MemoryRegion.GrantBase, 100));
    }

    [Theory]
    [InlineData(A, 16)]        // identical to A
    [InlineData(A - 4, 8)]     // overlaps A's start
    [InlineData(B + 15, 1)]    // overlaps B's last byte
    [InlineData(A + 4, 4)]     // inside A
    [InlineData(A - 16, 64)]   // contains A and B
    public void MapRejectsOverlap(uint start, int length)
    {
        Assert.Throws<ArgumentException>(() => _memory.Map(new MemoryRegion(start, new byte[length], true, true)));
        Assert.Equal(3, _memory.RegionCount);
    }

    [Fact]
    public void MapAcceptsAdjacentRegionsAndRejectsAFullTable()
    {
        _memory.Map(new MemoryRegion(A - 16, new byte[16], true, true));
        _memory.Map(new MemoryRegion(B + 16, new byte[16], true, true));
        while (_memory.RegionCount < VmMemory.MaxRegions)
        {
            _memory.Map(new MemoryRegion(MemoryRegion.GrantBase + (uint)_memory.RegionCount * 0x100, new byte[4], true, true));
        }
        Assert.Throws<InvalidOperationException>(() => _memory.Map(new MemoryRegion(0x7000_0000, new byte[4], true, true)));
    }

    [Fact]
    public void RegionsCannotStartAtZeroOrRunPast4GiB()
    {
        Assert.Throws<ArgumentException>(() => new MemoryRegion(0, new byte[4], true, true));
        Assert.Throws<ArgumentException>(() => new MemoryRegion(0xFFFF_FFFE, new byte[4], true, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MemoryRegion(A, new byte[4], 2, 3, true, true));
        new MemoryRegion(0xFFFF_FFFC, new byte[4], true, true);
    }

    [Fact]
    public void UnmapAndResizeChangeWhatIsReachable()
    {
        var region = new MemoryRegion(MemoryRegion.GrantBase, new byte[16], true, true);
        _memory.Map(region);
        Assert.True(_memory.TryWriteUInt32(MemoryRegion.GrantBase + 12, 1));
        region.Resize(12);
        Assert.False(_memory.TryWriteUInt32(MemoryRegion.GrantBase + 12, 1));
        Assert.True(_memory.TryWriteUInt32(MemoryRegion.GrantBase + 8, 1));
        Assert.True(_memory.Unmap(region));
        Assert.False(_memory.TryReadByte(MemoryRegion.GrantBase, out _));
        Assert.False(_memory.Unmap(region));
        // The other regions are still found after the table was compacted.
        Assert.True(_memory.TryReadByte(A, out _));
        Assert.True(_memory.TryReadByte(B, out _));
        Assert.True(_memory.TryReadByte(MemoryRegion.RodataBase, out _));
    }

    // Regression tests for two address-space holes found by this suite.

    [Fact]
    public void TranslateRefusesNegativeSizes()
    {
        Assert.Equal(VmMemory.OutOfBounds, _memory.Translate(A + 5, -1, false));
        Assert.Equal(VmMemory.OutOfBounds, _memory.Translate(A + 5, -5, true));
    }

    [Fact]
    public void ARegionCannotGrowOverItsNeighbour()
    {
        byte[] backing = new byte[32];
        var growing = new MemoryRegion(MemoryRegion.GrantBase, backing, 0, 16, true, true);
        byte[] readOnly = [0x77, 0, 0, 0];
        var memory = new VmMemory();
        memory.Map(growing);
        memory.Map(new MemoryRegion(MemoryRegion.GrantBase + 16, readOnly, true, false));
        try
        {
            growing.Resize(32);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Refusing to grow past the mapped length is one valid fix.
        }
        // Whatever Resize did, the read-only neighbour's addresses stay read-only and its own.
        Assert.False(memory.TryWriteUInt32(MemoryRegion.GrantBase + 16, 0x11223344));
        Assert.True(memory.TryReadByte(MemoryRegion.GrantBase + 16, out byte first));
        Assert.Equal(0x77, first);
        Assert.All(backing, b => Assert.Equal(0, b));
    }
}
