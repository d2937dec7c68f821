using WasmBox.Nano.Vm.Tests.Support;
using static WasmBox.Nano.Vm.Tests.Support.Ins;

namespace WasmBox.Nano.Vm.Tests;

/// <summary>Every load and store width against region edges, permissions and unmapped space.</summary>
public class MemoryAccessTests
{
    private const uint Base = MemoryRegion.ContextBase;
    private const int RegionSize = 16;
    private const int AccessIndex = 2; // the access follows two setup instructions

    public enum Access { Load, LoadSignExtend, StoreImmediate, StoreRegister }

    public static TheoryData<Access, int> AccessesAndSizes()
    {
        var data = new TheoryData<Access, int>();
        foreach (Access access in Enum.GetValues<Access>())
        {
            foreach (int size in new[] { Opcodes.SizeB, Opcodes.SizeH, Opcodes.SizeW, Opcodes.SizeDw })
            {
                if (access != Access.LoadSignExtend || size != Opcodes.SizeDw)
                {
                    data.Add(access, size);
                }
            }
        }
        return data;
    }

    private static byte[] Instruction(Access access, int size, int baseRegister, int offset) => access switch
    {
        Access.Load => Ldx(size, 0, baseRegister, offset),
        Access.LoadSignExtend => LdxSx(size, 0, baseRegister, offset),
        Access.StoreImmediate => St(size, baseRegister, offset, 0x5A5A5A5A),
        _ => Stx(size, baseRegister, 2, offset),
    };

    private static (Vm Vm, byte[] Bytes) Load(Access access, int size, int offset, bool writable = true)
    {
        byte[] code = Program(Mov64(0, 7), Mov64(2, 0x33), Instruction(access, size, 1, offset), Exit());
        Vm vm = Sandbox.Load(code);
        byte[] bytes = Enumerable.Range(1, RegionSize).Select(i => (byte)i).ToArray();
        vm.Memory.Map(new MemoryRegion(Base, bytes, true, writable));
        return (vm, bytes);
    }

    [Theory]
    [MemberData(nameof(AccessesAndSizes))]
    public void LastValidBytesOfARegionAreAccessible(Access access, int size)
    {
        int width = Opcodes.AccessWidth(size);
        var (vm, _) = Load(access, size, RegionSize - width);
        Assert.Equal(VmStatus.Ok, vm.Run(Base));
    }

    [Theory]
    [MemberData(nameof(AccessesAndSizes))]
    public void OneBytePastTheEndFaultsAtTheAccess(Access access, int size)
    {
        int offset = RegionSize - Opcodes.AccessWidth(size) + 1;
        var (vm, bytes) = Load(access, size, offset);
        byte[] before = (byte[])bytes.Clone();
        Assert.Equal(VmStatus.MemoryOutOfBounds, vm.Run(Base));
        Assert.Equal(AccessIndex, vm.FaultIndex);
        Assert.Equal(Base + (ulong)offset, vm.FaultAddress);
        Assert.Equal(0UL, vm.Result);
        Assert.Equal(before, bytes);
    }

    [Theory]
    [MemberData(nameof(AccessesAndSizes))]
    public void OneByteBeforeTheStartFaults(Access access, int size)
    {
        var (vm, _) = Load(access, size, -1);
        Assert.Equal(VmStatus.MemoryOutOfBounds, vm.Run(Base));
        Assert.Equal(Base - 1UL, vm.FaultAddress);
    }

    [Theory]
    [MemberData(nameof(AccessesAndSizes))]
    public void AddressZeroFaults(Access access, int size)
    {
        var (vm, _) = Load(access, size, 0);
        Assert.Equal(VmStatus.MemoryOutOfBounds, vm.Run(0));
        Assert.Equal(AccessIndex, vm.FaultIndex);
        Assert.Equal(0UL, vm.FaultAddress);
    }

    [Theory]
    [MemberData(nameof(AccessesAndSizes))]
    public void AddressesAbove4GiBDoNotWrapIntoARegion(Access access, int size)
    {
        var (vm, _) = Load(access, size, 0);
        Assert.Equal(VmStatus.MemoryOutOfBounds, vm.Run(0x1_0000_0000UL + Base));
    }

    [Theory]
    [InlineData(Access.StoreImmediate, Opcodes.SizeB)]
    [InlineData(Access.StoreImmediate, Opcodes.SizeDw)]
    [InlineData(Access.StoreRegister, Opcodes.SizeH)]
    [InlineData(Access.StoreRegister, Opcodes.SizeW)]
    public void StoresToAReadOnlyRegionFaultAndLeaveItsBytes(Access access, int size)
    {
        var (vm, bytes) = Load(access, size, 8, writable: false);
        byte[] before = (byte[])bytes.Clone();
        Assert.Equal(VmStatus.MemoryPermission, vm.Run(Base));
        Assert.Equal(AccessIndex, vm.FaultIndex);
        Assert.Equal(Base + 8UL, vm.FaultAddress);
        Assert.Equal(before, bytes);
    }

    [Fact]
    public void LoadsFromAReadOnlyRegionWork()
    {
        var (vm, _) = Load(Access.Load, Opcodes.SizeW, 4, writable: false);
        Assert.Equal(VmStatus.Ok, vm.Run(Base));
        Assert.Equal(0x0807_0605UL, vm.Result);
    }

    [Fact]
    public void LoadsFromAnUnreadableRegionFault()
    {
        Vm vm = Sandbox.Load(Program(Ldx(Opcodes.SizeB, 0, 1, 0), Exit()));
        vm.Memory.Map(new MemoryRegion(Base, new byte[8], false, true));
        Assert.Equal(VmStatus.MemoryPermission, vm.Run(Base));
    }

    [Theory]
    [InlineData(Access.Load)]
    [InlineData(Access.StoreRegister)]
    public void AccessSpanningTwoAdjacentRegionsFaults(Access access)
    {
        Vm vm = Sandbox.Load(Program(Mov64(2, -1), Instruction(access, Opcodes.SizeDw, 1, 4), Exit()));
        byte[] low = new byte[8], high = new byte[8];
        vm.Memory.Map(new MemoryRegion(MemoryRegion.DataBase, low, true, true));
        vm.Memory.Map(new MemoryRegion(MemoryRegion.DataBase + 8, high, true, true));
        Assert.Equal(VmStatus.MemoryOutOfBounds, vm.Run(MemoryRegion.DataBase));
        Assert.Equal(1, vm.FaultIndex);
        Assert.All(low.Concat(high), b => Assert.Equal(0, b));
    }

    [Fact]
    public void StackSpansExactlyAllFramesBelowR10()
    {
        const int size = Vm.DefaultStackFrames * Vm.StackFrameSize;
        Assert.Equal(VmStatus.Ok, Sandbox.Load(Program(Ldx(Opcodes.SizeB, 0, 10, -size), Exit())).Run(0));
        Assert.Equal(VmStatus.Ok, Sandbox.Load(Program(Ldx(Opcodes.SizeDw, 0, 10, -8), Exit())).Run(0));
        Assert.Equal(VmStatus.MemoryOutOfBounds, Sandbox.Load(Program(Ldx(Opcodes.SizeB, 0, 10, -size - 1), Exit())).Run(0));
        Assert.Equal(VmStatus.MemoryOutOfBounds, Sandbox.Load(Program(Ldx(Opcodes.SizeB, 0, 10, 0), Exit())).Run(0));
        Assert.Equal(VmStatus.MemoryOutOfBounds, Sandbox.Load(Program(Ldx(Opcodes.SizeW, 0, 10, -3), Exit())).Run(0));
    }

    [Fact]
    public void StackIsFreshOnEveryRun()
    {
        // Reads what the previous run left, then leaves something behind at every frame edge.
        Vm vm = Sandbox.Load(Program(
            Ldx(Opcodes.SizeDw, 0, 10, -8),
            Ldx(Opcodes.SizeDw, 3, 10, -Vm.DefaultStackFrames * Vm.StackFrameSize),
            Alu64Reg(Opcodes.AluOr, 0, 3),
            St(Opcodes.SizeDw, 10, -8, -1),
            St(Opcodes.SizeDw, 10, -Vm.DefaultStackFrames * Vm.StackFrameSize, -1),
            Exit()));
        for (int run = 0; run < 3; run++)
        {
            Assert.Equal(VmStatus.Ok, vm.Run(0));
            Assert.Equal(0UL, vm.Result);
        }
    }

    [Fact]
    public void RegionWithAnOffsetExposesOnlyItsWindowOfTheBackingArray()
    {
        byte[] backing = Enumerable.Repeat((byte)0xEE, 32).ToArray();
        Vm vm = Sandbox.Load(Program(St(Opcodes.SizeB, 1, 0, 1), St(Opcodes.SizeB, 1, 7, 2), St(Opcodes.SizeB, 1, 8, 3), Exit()));
        vm.Memory.Map(new MemoryRegion(Base, backing, 8, 8, true, true));
        Assert.Equal(VmStatus.MemoryOutOfBounds, vm.Run(Base));
        Assert.Equal(2, vm.FaultIndex);
        byte[] expected = Enumerable.Repeat((byte)0xEE, 32).ToArray();
        expected[8] = 1;
        expected[15] = 2;
        Assert.Equal(expected, backing);
    }
}
