using WasmBox.Nano.Vm.Tests.Support;
using static WasmBox.Nano.Vm.Tests.Support.Ins;

namespace WasmBox.Nano.Vm.Tests;

/// <summary>The interpreter, memory checks and helper dispatch allocate nothing per run.</summary>
public class AllocationTests
{
    private const int HelperId = 0x10;

    [Fact]
    public void RunsAllocateNothingAfterWarmUp()
    {
        // 64 iterations of: load from the context, add, store on the stack, call a helper, loop.
        byte[] code = Program(
            Mov64(6, 64), Mov64(7, 0), Mov64Reg(8, 1),
            Ldx(Opcodes.SizeW, 2, 8, 0),
            Alu64Reg(Opcodes.AluAdd, 7, 2),
            Stx(Opcodes.SizeDw, 10, 7, -8),
            Ldx(Opcodes.SizeDw, 1, 10, -8),
            Mov64Reg(2, 6),
            CallHelper(HelperId),
            Alu64Reg(Opcodes.AluAdd, 7, 0),
            Alu64(Opcodes.AluAdd, 6, -1),
            Jmp(Opcodes.JmpJne, 6, 0, -9),
            Mov64Reg(0, 7),
            Exit());
        var helper = new DelegateHelper((vm, a, b, c, d, e) => vm.Memory.TryReadByte(MemoryRegion.ContextBase, out byte x) ? a ^ b ^ x : 0);
        Vm vm = Sandbox.Load(code, Sandbox.Table(HelperId, helper));
        vm.Memory.Map(new MemoryRegion(MemoryRegion.ContextBase, [1, 0, 0, 0, 9, 9, 9, 9], true, true));

        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(VmStatus.Ok, vm.Run(MemoryRegion.ContextBase));
        }
        ulong expected = vm.Result;

        int failures = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            if (vm.Run(MemoryRegion.ContextBase) != VmStatus.Ok || vm.Result != expected)
            {
                failures++;
            }
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, failures);
        Assert.Equal(0L, allocated);
        Assert.Equal(1010 * 64, helper.Calls);
    }
}
