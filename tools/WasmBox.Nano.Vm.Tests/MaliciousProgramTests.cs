using WasmBox.Nano.Vm.Tests.Support;
using static WasmBox.Nano.Vm.Tests.Support.Ins;

namespace WasmBox.Nano.Vm.Tests;

/// <summary>
/// Hand-made hostile programs. Each is refused by the verifier with the right error and
/// instruction index, or stopped at run time with the right status; none makes anything throw.
/// </summary>
public class MaliciousProgramTests
{
    private const int GrantedHelper = 1;
    private const int UngrantedHelper = 2;

    private static readonly HelperTable Helpers = CreateHelpers();

    private static HelperTable CreateHelpers()
    {
        var table = new HelperTable();
        table.Register(GrantedHelper, new DelegateHelper((vm, a, b, c, d, e) => 0));
        table.Register(UngrantedHelper, new DelegateHelper((vm, a, b, c, d, e) => 0));
        return table;
    }

    private static VerifyResult Verify(byte[]? code) =>
        Verifier.Verify(code!, new VerifierOptions { Helpers = Helpers, Grant = new HelperGrant([GrantedHelper]) });

    /// <summary>"mov r0, 0; bad; exit": the bad instruction sits at index 1.</summary>
    private static byte[] AtIndex1(byte[] bad) => Program(Mov64(0, 0), bad, Exit());

    public static TheoryData<string, byte[], VerifyError, int> RefusedPrograms()
    {
        var d = new TheoryData<string, byte[], VerifyError, int>();
        void Add(string name, byte[] code, VerifyError error, int index) => d.Add(name, code, error, index);

        // Writes to the frame pointer, by every instruction kind that has a destination.
        Add("mov r10, 0", AtIndex1(Mov64(10, 0)), VerifyError.WritesFrameRegister, 1);
        Add("mov32 r10, 0", AtIndex1(Alu32(Opcodes.AluMov, 10, 0)), VerifyError.WritesFrameRegister, 1);
        Add("mov r10, r1", AtIndex1(Mov64Reg(10, 1)), VerifyError.WritesFrameRegister, 1);
        Add("add r10, 8", AtIndex1(Add64(10, 8)), VerifyError.WritesFrameRegister, 1);
        Add("sub32 r10, r1", AtIndex1(Alu32Reg(Opcodes.AluSub, 10, 1)), VerifyError.WritesFrameRegister, 1);
        Add("neg r10", AtIndex1(Alu64(Opcodes.AluNeg, 10, 0)), VerifyError.WritesFrameRegister, 1);
        Add("movsx r10, r1", AtIndex1(MovSx64(10, 1, 8)), VerifyError.WritesFrameRegister, 1);
        Add("be16 r10", AtIndex1(Swap(Opcodes.Be, 10, 16)), VerifyError.WritesFrameRegister, 1);
        Add("ldxdw r10, [r1]", AtIndex1(Ldx(Opcodes.SizeDw, 10, 1, 0)), VerifyError.WritesFrameRegister, 1);
        Add("ldxsb r10, [r1]", AtIndex1(LdxSx(Opcodes.SizeB, 10, 1, 0)), VerifyError.WritesFrameRegister, 1);
        Add("lddw r10", AtIndex1(Lddw(10, 1)), VerifyError.WritesFrameRegister, 1);

        // Jumps and calls that leave the program.
        Add("ja to n", AtIndex1(Ja(1)), VerifyError.JumpOutOfRange, 1);
        Add("ja forward", AtIndex1(Ja(5)), VerifyError.JumpOutOfRange, 1);
        Add("ja to -1", AtIndex1(Ja(-3)), VerifyError.JumpOutOfRange, 1);
        Add("ja far back", AtIndex1(Ja(short.MinValue)), VerifyError.JumpOutOfRange, 1);
        Add("jeq forward", AtIndex1(Jmp(Opcodes.JmpJeq, 0, 0, 100)), VerifyError.JumpOutOfRange, 1);
        Add("jlt32 backward", AtIndex1(Jmp32Reg(Opcodes.JmpJlt, 0, 1, -10)), VerifyError.JumpOutOfRange, 1);
        Add("ja32 forward", AtIndex1(Ja32(1000)), VerifyError.JumpOutOfRange, 1);
        Add("ja32 backward", AtIndex1(Ja32(int.MinValue)), VerifyError.JumpOutOfRange, 1);
        Add("ja32 int.MaxValue (overflows pc + 1 + imm)", AtIndex1(Ja32(int.MaxValue)), VerifyError.JumpOutOfRange, 1);
        Add("call local forward", AtIndex1(CallLocal(1)), VerifyError.BadCallTarget, 1);
        Add("call local int.MaxValue", AtIndex1(CallLocal(int.MaxValue)), VerifyError.BadCallTarget, 1);
        Add("call local int.MinValue", AtIndex1(CallLocal(int.MinValue)), VerifyError.BadCallTarget, 1);
        Add("call local backward", AtIndex1(CallLocal(-3)), VerifyError.BadCallTarget, 1);

        // Jumps into the second half of an LDDW.
        Add("ja into lddw", Program(Ja(1), Lddw(0, 5), Exit()), VerifyError.JumpIntoLddw, 0);
        Add("jeq back into lddw", Program(Lddw(0, 1), Jmp(Opcodes.JmpJeq, 0, 0, -2), Exit()), VerifyError.JumpIntoLddw, 2);
        Add("ja32 into lddw", Program(Mov64(0, 0), Ja32(1), Lddw(0, 5), Exit()), VerifyError.JumpIntoLddw, 1);
        Add("call into lddw", Program(CallLocal(1), Lddw(0, 5), Exit()), VerifyError.BadCallTarget, 0);

        // Opcodes outside the whitelist: atomics, callx, legacy packet loads, and the encodings
        // the decoder reuses internally (0xe4.., 0x08.., 0xe5), which must never come from a program.
        foreach (int op in new[]
        {
            0xdb, 0xc3, 0xd3, 0x8d, 0x20, 0x28, 0x30, 0x40, 0x48, 0x50, 0x00, 0x08, 0x10, 0x38,
            0xe4, 0xec, 0xf4, 0xfc, 0xe7, 0xef, 0xf7, 0xff, 0xe5, 0xf5, 0xe6, 0xf6,
            0x0d, 0x0e, 0x8e, 0x86, 0x96, 0x9d, 0xdf, 0x8c, 0x8f, 0x99, 0x42, 0x41, 0xe3, 0xe1, 0x82,
        })
        {
            Add("opcode 0x" + op.ToString("x2"), AtIndex1(Raw(op, 1, 2, 0, 0)), VerifyError.UnknownOpcode, 1);
        }
        Add("call src 2 (kfunc)", AtIndex1(Raw(Opcodes.Call, 0, 2, 0, 1)), VerifyError.UnknownOpcode, 1);

        // Helpers.
        Add("unknown helper", AtIndex1(CallHelper(99)), VerifyError.UnknownHelper, 1);
        Add("negative helper id", AtIndex1(CallHelper(-1)), VerifyError.UnknownHelper, 1);
        Add("helper not granted", AtIndex1(CallHelper(UngrantedHelper)), VerifyError.HelperNotGranted, 1);

        // Shape of the program.
        Add("empty", [], VerifyError.Empty, -1);
        Add("one byte", [0x95], VerifyError.LengthNotMultipleOf8, -1);
        Add("12 bytes", Program(Exit(), new byte[4]), VerifyError.LengthNotMultipleOf8, -1);
        Add("15 bytes", Program(Exit(), new byte[7]), VerifyError.LengthNotMultipleOf8, -1);
        Add("lddw cut at the end", Program(Mov64(0, 0), Raw(Opcodes.Lddw, 0, 0, 0, 1)), VerifyError.IncompleteLddw, 1);
        Add("lddw tail with opcode", Program(Raw(Opcodes.Lddw, 0, 0, 0, 1), Exit(), Exit()), VerifyError.IncompleteLddw, 1);
        Add("lddw tail with registers", Program(Raw(Opcodes.Lddw, 0, 0, 0, 1), Raw(0, 1, 0, 0, 0), Exit()), VerifyError.IncompleteLddw, 1);
        Add("lddw tail with offset", Program(Raw(Opcodes.Lddw, 0, 0, 0, 1), Raw(0, 0, 0, 1, 0), Exit()), VerifyError.IncompleteLddw, 1);
        Add("lddw map fd", Program(Raw(Opcodes.Lddw, 0, 1, 0, 1), Raw(0, 0, 0, 0, 0), Exit()), VerifyError.UnsupportedLddwSource, 0);
        Add("no exit", Program(Mov64(0, 0)), VerifyError.FallsOffEnd, 0);
        Add("ends in jeq", Program(Mov64(0, 0), Jmp(Opcodes.JmpJeq, 0, 0, -2)), VerifyError.FallsOffEnd, 1);
        Add("ends in call", Program(Mov64(0, 0), CallHelper(GrantedHelper)), VerifyError.FallsOffEnd, 1);
        Add("ends in lddw", Program(Mov64(0, 0), Lddw(0, 1)), VerifyError.FallsOffEnd, 2);

        // Sub-programs (functions reached by local calls): each ends in exit or ja inside itself,
        // jumps never cross into another.
        Add("function falls into the next (exit runs twice)", Program(Mov64(0, 1), CallLocal(0), Exit()), VerifyError.FallsOffEnd, 1);
        Add("callee falls into the next callee", Program(CallLocal(2), CallLocal(2), Exit(), Mov64(0, 1), Mov64(0, 2), Exit()),
            VerifyError.FallsOffEnd, 3);
        Add("main ends in a jump into the callee", Program(CallLocal(1), Ja(0), Mov64(0, 1), Exit()), VerifyError.JumpLeavesFunction, 1);
        Add("callee jumps back into main", Program(CallLocal(1), Exit(), Jmp(Opcodes.JmpJeq, 1, 0, -2), Exit()),
            VerifyError.JumpLeavesFunction, 2);
        Add("call into the middle of main", Program(Mov64(0, 1), Jmp(Opcodes.JmpJeq, 0, 0, 1), CallLocal(-2), Exit()),
            VerifyError.FallsOffEnd, 0);

        // Registers that do not exist.
        Add("mov r11", AtIndex1(Mov64(11, 0)), VerifyError.BadRegister, 1);
        Add("mov r0, r15", AtIndex1(Mov64Reg(0, 15)), VerifyError.BadRegister, 1);
        Add("ldx from r12", AtIndex1(Ldx(Opcodes.SizeW, 0, 12, 0)), VerifyError.BadRegister, 1);
        Add("stx to r11", AtIndex1(Stx(Opcodes.SizeW, 11, 0, 0)), VerifyError.BadRegister, 1);
        Add("stx from r11", AtIndex1(Stx(Opcodes.SizeW, 10, 11, -4)), VerifyError.BadRegister, 1);
        Add("st to r14", AtIndex1(St(Opcodes.SizeW, 14, 0, 0)), VerifyError.BadRegister, 1);
        Add("jeq r13", AtIndex1(Jmp(Opcodes.JmpJeq, 13, 0, 0)), VerifyError.BadRegister, 1);
        Add("jeq32 r0, r11", AtIndex1(Jmp32Reg(Opcodes.JmpJeq, 0, 11, 0)), VerifyError.BadRegister, 1);
        Add("lddw r11", AtIndex1(Lddw(11, 0)), VerifyError.BadRegister, 1);

        // Reserved fields that must be zero.
        Add("exit imm", AtIndex1(Raw(Opcodes.Exit, 0, 0, 0, 1)), VerifyError.ReservedFieldNotZero, 1);
        Add("exit dst", AtIndex1(Raw(Opcodes.Exit, 1, 0, 0, 0)), VerifyError.ReservedFieldNotZero, 1);
        Add("exit offset", AtIndex1(Raw(Opcodes.Exit, 0, 0, 1, 0)), VerifyError.ReservedFieldNotZero, 1);
        Add("mov K with src", AtIndex1(Raw(Opcodes.Mov64K, 0, 1, 0, 0)), VerifyError.ReservedFieldNotZero, 1);
        Add("add X with imm", AtIndex1(Raw(Opcodes.Add64X, 0, 1, 0, 1)), VerifyError.ReservedFieldNotZero, 1);
        Add("ldx with imm", AtIndex1(Raw(Opcodes.LdxW, 0, 10, -4, 1)), VerifyError.ReservedFieldNotZero, 1);
        Add("stx with imm", AtIndex1(Raw(Opcodes.StxW, 10, 0, -4, 1)), VerifyError.ReservedFieldNotZero, 1);
        Add("st with src", AtIndex1(Raw(Opcodes.StW, 10, 1, -4, 0)), VerifyError.ReservedFieldNotZero, 1);
        Add("ja with imm", AtIndex1(Raw(Opcodes.Ja, 0, 0, 0, 1)), VerifyError.ReservedFieldNotZero, 1);
        Add("ja32 with offset", AtIndex1(Raw(Opcodes.Ja32, 0, 0, 1, 0)), VerifyError.ReservedFieldNotZero, 1);
        Add("ja with dst", AtIndex1(Raw(Opcodes.Ja, 1, 0, 0, 0)), VerifyError.ReservedFieldNotZero, 1);
        Add("neg with imm", AtIndex1(Raw(Opcodes.Neg64, 0, 0, 0, 1)), VerifyError.ReservedFieldNotZero, 1);
        Add("call with offset", AtIndex1(Raw(Opcodes.Call, 0, 0, 1, GrantedHelper)), VerifyError.ReservedFieldNotZero, 1);
        Add("call with dst", AtIndex1(Raw(Opcodes.Call, 1, 0, 0, GrantedHelper)), VerifyError.ReservedFieldNotZero, 1);
        Add("lddw offset", Program(Raw(Opcodes.Lddw, 0, 0, 1, 1), Raw(0, 0, 0, 0, 0), Exit()), VerifyError.ReservedFieldNotZero, 0);
        Add("swap with src", AtIndex1(Raw(Opcodes.Be, 0, 1, 0, 16)), VerifyError.ReservedFieldNotZero, 1);
        Add("jeq K with src", AtIndex1(Raw(Opcodes.JeqK, 0, 1, 0, 0)), VerifyError.ReservedFieldNotZero, 1);
        Add("jeq X with imm", AtIndex1(Raw(Opcodes.JeqX, 0, 1, 0, 1)), VerifyError.ReservedFieldNotZero, 1);

        // Variants that RFC 9669 does not define.
        Add("le8", AtIndex1(Swap(Opcodes.Le, 0, 8)), VerifyError.BadByteSwapWidth, 1);
        Add("be0", AtIndex1(Swap(Opcodes.Be, 0, 0)), VerifyError.BadByteSwapWidth, 1);
        Add("bswap128", AtIndex1(Swap(Opcodes.Bswap, 0, 128)), VerifyError.BadByteSwapWidth, 1);
        Add("add offset 1", AtIndex1(Alu64(Opcodes.AluAdd, 0, 1, offset: 1)), VerifyError.BadOffsetVariant, 1);
        Add("div offset 2", AtIndex1(Alu64(Opcodes.AluDiv, 0, 1, offset: 2)), VerifyError.BadOffsetVariant, 1);
        Add("mod offset -1", AtIndex1(Alu32(Opcodes.AluMod, 0, 1, offset: -1)), VerifyError.BadOffsetVariant, 1);
        Add("movsx32 from 32", AtIndex1(MovSx32(0, 1, 32)), VerifyError.BadOffsetVariant, 1);
        Add("movsx64 from 64", AtIndex1(MovSx64(0, 1, 64)), VerifyError.BadOffsetVariant, 1);
        Add("mov K with offset 8", AtIndex1(Alu64(Opcodes.AluMov, 0, 1, offset: 8)), VerifyError.BadOffsetVariant, 1);
        return d;
    }

    [Theory]
    [MemberData(nameof(RefusedPrograms))]
    public void VerifierRefusesWithTheRightErrorAndIndex(string name, byte[] code, VerifyError error, int index)
    {
        VerifyResult result = Verify(code);
        Assert.False(result.Ok, name + " was accepted");
        Assert.Equal(error, result.Error);
        Assert.Equal(index, result.Index);
        Assert.Null(result.Program);
        if (index >= 0)
        {
            Assert.Equal(code[index * 8], result.Opcode);
            Assert.StartsWith("instruction " + index + " ", result.Message);
        }
    }

    [Fact]
    public void NullProgramIsEmpty()
    {
        Assert.Equal(VerifyError.Empty, Verify(null).Error);
    }

    [Fact]
    public void ProgramsOverTheSizeLimitAreRefused()
    {
        byte[] Exits(int count) => Program(Enumerable.Repeat(Exit(), count).ToArray());
        Assert.True(Verify(Exits(VerifierOptions.DefaultMaxInstructions)).Ok);
        VerifyResult tooLarge = Verify(Exits(VerifierOptions.DefaultMaxInstructions + 1));
        Assert.Equal(VerifyError.TooLarge, tooLarge.Error);
        Assert.Equal(-1, tooLarge.Index);
        Assert.Equal(VerifyError.TooLarge, Sandbox.Verify(Exits(5), maxInstructions: 4).Error);
        Assert.True(Sandbox.Verify(Exits(4), maxInstructions: 4).Ok);
    }

    // ---- stopped at run time ----

    private static Vm LoadWithContext(byte[] code, out byte[] context)
    {
        Vm vm = Sandbox.Load(code, Helpers, new HelperGrant([GrantedHelper]));
        context = new byte[64];
        vm.Memory.Map(new MemoryRegion(MemoryRegion.ContextBase, context, true, true));
        return vm;
    }

    [Fact]
    public void OutOfBoundsReadStops()
    {
        Vm vm = LoadWithContext(Program(Mov64(0, 1), Ldx(Opcodes.SizeW, 0, 1, 4096), Exit()), out _);
        Assert.Equal(VmStatus.MemoryOutOfBounds, vm.Run(MemoryRegion.ContextBase));
        Assert.Equal(1, vm.FaultIndex);
        Assert.Equal(MemoryRegion.ContextBase + 4096UL, vm.FaultAddress);
    }

    [Fact]
    public void OutOfBoundsWritesStop()
    {
        Vm aboveStack = LoadWithContext(Program(St(Opcodes.SizeDw, 10, 0, -1), Exit()), out _);
        Assert.Equal(VmStatus.MemoryOutOfBounds, aboveStack.Run(MemoryRegion.ContextBase));

        Vm wild = LoadWithContext(Program(Lddw(2, 0xDEAD_BEEF), Stx(Opcodes.SizeW, 2, 1, 0), Exit()), out _);
        Assert.Equal(VmStatus.MemoryOutOfBounds, wild.Run(MemoryRegion.ContextBase));
        Assert.Equal(2, wild.FaultIndex);
        Assert.Equal(0xDEAD_BEEFUL, wild.FaultAddress);

        Vm pastContext = LoadWithContext(Program(Add64(1, 60), St(Opcodes.SizeDw, 1, 0, -1), Exit()), out byte[] context);
        Assert.Equal(VmStatus.MemoryOutOfBounds, pastContext.Run(MemoryRegion.ContextBase));
        Assert.All(context, b => Assert.Equal(0, b));
    }

    [Fact]
    public void InfiniteLoopRunsOutOfBranches()
    {
        Vm vm = Sandbox.Load(Program(Mov64(0, 0), Ja(-1)));
        vm.BranchBudget = 5000;
        Assert.Equal(VmStatus.BranchBudgetExhausted, vm.Run(0));
        Assert.Equal(1, vm.FaultIndex);
        Assert.Equal(5000, vm.BranchCount);
    }

    [Fact]
    public void InfiniteLoopRunsOutOfFuelWhenBranchesAreAmple()
    {
        Vm vm = Sandbox.Load(Program(Mov64(0, 0), Add64(0, 1), Ja(-2)));
        vm.InstructionBudget = 9001;
        vm.BranchBudget = int.MaxValue;
        Assert.Equal(VmStatus.InstructionBudgetExhausted, vm.Run(0));
        Assert.Equal(9001, vm.InstructionCount);
        Assert.Equal(0UL, vm.Result);
    }

    [Fact]
    public void UnboundedRecursionRunsOutOfFrames()
    {
        Vm vm = Sandbox.Load(Program(CallLocal(-1), Exit()), stackFrames: 8);
        Assert.Equal(VmStatus.CallDepthExceeded, vm.Run(0));
        Assert.Equal(0, vm.FaultIndex);
        Assert.Equal(7, vm.BranchCount);
    }

    [Fact]
    public void OverwritingReadOnlyDataStops()
    {
        Vm vm = Sandbox.Load(Program(Lddw(1, MemoryRegion.RodataBase), St(Opcodes.SizeW, 1, 0, 0), Exit()));
        byte[] rodata = [1, 2, 3, 4];
        vm.Memory.Map(new MemoryRegion(MemoryRegion.RodataBase, rodata, true, false));
        Assert.Equal(VmStatus.MemoryPermission, vm.Run(0));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, rodata);
    }
}
