using WasmBox.Nano.Vm.Tests.Support;
using static WasmBox.Nano.Vm.Tests.Support.Ins;

namespace WasmBox.Nano.Vm.Tests;

/// <summary>Local calls (own frame, r6-r9 preserved) and helper calls (r1-r5 in, r0 out).</summary>
public class CallTests
{
    private const ulong StackTop = MemoryRegion.StackBase + Vm.DefaultStackFrames * Vm.StackFrameSize;

    [Fact]
    public void LocalCallPreservesR6ToR9AndPassesR1ToR5()
    {
        byte[] code = Program(
            Mov64(6, 6), Mov64(7, 7), Mov64(8, 8), Mov64(9, 9), Mov64(1, 100), Mov64(5, 5),
            CallLocal(6),
            // r0 = callee's r1 + r5 (105) + r6..r9 (30)
            Alu64Reg(Opcodes.AluAdd, 0, 6), Alu64Reg(Opcodes.AluAdd, 0, 7),
            Alu64Reg(Opcodes.AluAdd, 0, 8), Alu64Reg(Opcodes.AluAdd, 0, 9),
            Exit(),
            Exit(), // padding so the callee does not start right after exit
            // callee: clobbers r6..r9, returns r1 + r5
            Mov64(6, 1000), Mov64(7, 1000), Mov64(8, 1000), Mov64(9, 1000),
            Mov64Reg(0, 1), Alu64Reg(Opcodes.AluAdd, 0, 5), Exit());
        Vm vm = Sandbox.Load(code);
        Assert.Equal(VmStatus.Ok, vm.Run(0));
        Assert.Equal(135UL, vm.Result);
    }

    [Fact]
    public void CalleeGetsAFrame512BytesLowerAndTheCallerGetsR10Back()
    {
        Vm callee = Sandbox.Load(Program(CallLocal(1), Exit(), Mov64Reg(0, 10), Exit()));
        Assert.Equal(VmStatus.Ok, callee.Run(0));
        Assert.Equal(StackTop - Vm.StackFrameSize, callee.Result);

        Vm caller = Sandbox.Load(Program(CallLocal(2), Mov64Reg(0, 10), Exit(), Mov64(0, 1), Exit()));
        Assert.Equal(VmStatus.Ok, caller.Run(0));
        Assert.Equal(StackTop, caller.Result);
    }

    [Fact]
    public void CalleeStackWritesDoNotTouchTheCallersFrame()
    {
        byte[] code = Program(
            St(Opcodes.SizeDw, 10, -8, 0x1111),
            CallLocal(2),
            Ldx(Opcodes.SizeDw, 0, 10, -8),
            Exit(),
            St(Opcodes.SizeDw, 10, -8, 0x2222),
            Exit());
        Vm vm = Sandbox.Load(code);
        Assert.Equal(VmStatus.Ok, vm.Run(0));
        Assert.Equal(0x1111UL, vm.Result);
    }

    [Theory]
    [InlineData(1, 0, VmStatus.Ok)]
    [InlineData(1, 1, VmStatus.CallDepthExceeded)]
    [InlineData(4, 3, VmStatus.Ok)]
    [InlineData(4, 4, VmStatus.CallDepthExceeded)]
    public void NestingIsLimitedByTheStackFrames(int frames, int depth, VmStatus expected)
    {
        // The entry function is f(n): if n == 0 return; f(n - 1). Run(depth) nests depth calls.
        byte[] code = Program(Jmp(Opcodes.JmpJeq, 1, 0, 2), Add64(1, -1), CallLocal(-3), Exit());
        Vm vm = Sandbox.Load(code, stackFrames: frames);
        Assert.Equal(expected, vm.Run((ulong)depth));
        if (expected == VmStatus.CallDepthExceeded)
        {
            Assert.Equal(2, vm.FaultIndex);
        }
    }

    [Fact]
    public void HelperGetsR1ToR5AndItsResultLandsInR0()
    {
        ulong[] seen = new ulong[5];
        var helper = new DelegateHelper((vm, a, b, c, d, e) =>
        {
            seen[0] = a; seen[1] = b; seen[2] = c; seen[3] = d; seen[4] = e;
            return 0xFEED_FACE_CAFE_BEEF;
        });
        byte[] code = Program(Mov64(1, 1), Mov64(2, 2), Mov64(3, 3), Mov64(4, 4), Lddw(5, 0x5_0000_0005),
            CallHelper(42), Exit());
        Vm vm = Sandbox.Load(code, Sandbox.Table(42, helper));
        Assert.Equal(VmStatus.Ok, vm.Run(0));
        Assert.Equal(new ulong[] { 1, 2, 3, 4, 0x5_0000_0005 }, seen);
        Assert.Equal(0xFEED_FACE_CAFE_BEEFUL, vm.Result);
    }

    [Fact]
    public void RequestExitEndsTheRunNormallyWithTheHelpersResult()
    {
        var helper = new DelegateHelper((vm, a, b, c, d, e) => { vm.RequestExit(); return 77; });
        Vm vm = Sandbox.Load(Program(CallHelper(1), Mov64(0, 5), Exit()), Sandbox.Table(1, helper));
        Assert.Equal(VmStatus.Ok, vm.Run(0));
        Assert.Equal(77UL, vm.Result);
        Assert.Equal(1, vm.InstructionCount);
        Assert.Equal(-1, vm.FaultIndex);

        // The request does not leak into the next run.
        var once = new DelegateHelper((v, a, b, c, d, e) => { if (a == 1) v.RequestExit(); return 77; });
        Vm again = Sandbox.Load(Program(CallHelper(1), Mov64(0, 5), Exit()), Sandbox.Table(1, once));
        Assert.Equal(VmStatus.Ok, again.Run(1));
        Assert.Equal(77UL, again.Result);
        Assert.Equal(VmStatus.Ok, again.Run(0));
        Assert.Equal(5UL, again.Result);
    }

    [Fact]
    public void HelperReturningAFaultStopsTheProgramAtTheCall()
    {
        var helper = new DelegateHelper((vm, a, b, c, d, e) => 1, VmStatus.HelperFault);
        Vm vm = Sandbox.Load(Program(Mov64(0, 9), CallHelper(3), Exit()), Sandbox.Table(3, helper));
        Assert.Equal(VmStatus.HelperFault, vm.Run(0));
        Assert.Equal(1, vm.FaultIndex);
        Assert.Equal(0UL, vm.Result);
    }

    [Fact]
    public void ThrowingHelperBecomesHelperFaultWithoutTheExceptionEscaping()
    {
        Vm vm = Sandbox.Load(Program(Mov64(0, 9), CallHelper(3), Exit()), Sandbox.Table(3, new ThrowingHelper()));
        Assert.Equal(VmStatus.HelperFault, vm.Run(0));
        Assert.Equal(1, vm.FaultIndex);
        Assert.Equal(VmStatus.HelperFault, vm.Status);
    }

    [Fact]
    public void HelperOutsideTheRunTimeGrantIsDenied()
    {
        var helper = new DelegateHelper((vm, a, b, c, d, e) => 1);
        HelperTable table = Sandbox.Table(7, helper);
        VerifyResult verified = Sandbox.Verify(Program(CallHelper(7), Exit()), table);
        Assert.True(verified.Ok, verified.Message);
        var vm = new Vm(verified.Program, table, new HelperGrant([8]), 1);
        Assert.Equal(VmStatus.HelperDenied, vm.Run(0));
        Assert.Equal(0, vm.FaultIndex);
        Assert.Equal(0, helper.Calls);
    }

    [Fact]
    public void HelperMissingFromTheRunTimeTableIsUnknown()
    {
        HelperTable table = Sandbox.Table(7, new DelegateHelper((vm, a, b, c, d, e) => 1));
        VerifyResult verified = Sandbox.Verify(Program(Mov64(0, 1), CallHelper(7), Exit()), table);
        Assert.True(verified.Ok, verified.Message);
        var vm = new Vm(verified.Program, new HelperTable(), null, 1);
        Assert.Equal(VmStatus.UnknownHelper, vm.Run(0));
        Assert.Equal(1, vm.FaultIndex);
    }
}
