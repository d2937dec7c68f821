using WasmBox.Nano.Vm.Tests.Support;
using static WasmBox.Nano.Vm.Tests.Support.Ins;

namespace WasmBox.Nano.Vm.Tests;

/// <summary>
/// Superinstructions and run-at-a-time budgets change what the interpreter does per dispatch,
/// never what a program computes or what the budgets report. Each shape is checked against the
/// same instructions kept apart (a `ja +0` between them stops the fusion), and budgets against
/// an instruction-by-instruction trace.
/// </summary>
public class SuperinstructionTests
{
    private const int Lsh = Opcodes.AluLsh, Rsh = Opcodes.AluRsh, And = Opcodes.AluAnd, Add = Opcodes.AluAdd;
    private const int Xor = Opcodes.AluXor, Or = Opcodes.AluOr, Mul = Opcodes.AluMul;

    /// <summary>Each group clang emits, with the superinstruction it must become (0: must stay plain).</summary>
    public static TheoryData<string, int, byte[][]> Groups() => new()
    {
        { "mov; lsh K", Superinstructions.MovLshK, [Mov64Reg(1, 2), Alu64(Lsh, 1, 13)] },
        { "mov; rsh K", Superinstructions.MovRshK, [Mov64Reg(1, 2), Alu64(Rsh, 1, 7)] },
        { "mov; and K", Superinstructions.MovAndK, [Mov64Reg(1, 2), Alu64(And, 1, -2)] },
        { "mov; add K", Superinstructions.MovAddK, [Mov64Reg(1, 2), Alu64(Add, 1, -7)] },
        { "mov; add X", Superinstructions.MovAddX, [Mov64Reg(1, 2), Alu64Reg(Add, 1, 3)] },
        { "mov; and X", Superinstructions.MovAndX, [Mov64Reg(1, 2), Alu64Reg(And, 1, 3)] },
        { "mov; xor X", Superinstructions.MovXorX, [Mov64Reg(1, 2), Alu64Reg(Xor, 1, 3)] },
        { "mov; or X", Superinstructions.MovOrX, [Mov64Reg(1, 2), Alu64Reg(Or, 1, 3)] },
        { "zero-extend a copy", Superinstructions.MovZext, [Mov64Reg(1, 2), Alu64(Lsh, 1, 32), Alu64(Rsh, 1, 32)] },
        { "zero-extend in place", Superinstructions.Zext, [Alu64(Lsh, 1, 32), Alu64(Rsh, 1, 32)] },
        { "-(d & 1) & y", Superinstructions.MaskSelectX, [Alu64(And, 1, 1), Alu64(Opcodes.AluNeg, 1, 0), Alu64Reg(And, 1, 3)] },
        { "-(d & 1) & K", Superinstructions.MaskSelectK, [Alu64(And, 1, 1), Alu64(Opcodes.AluNeg, 1, 0), Alu64(And, 1, -306674912)] },
        { "CRC bit step", Superinstructions.MaskSelectXorX,
            [Alu64(And, 1, 1), Alu64(Opcodes.AluNeg, 1, 0), Alu64Reg(And, 1, 3), Alu64Reg(Xor, 1, 4)] },
        { "neg; and X", Superinstructions.NegAndX, [Alu64(Opcodes.AluNeg, 1, 0), Alu64Reg(And, 1, 3)] },
        { "xor X; rsh K", Superinstructions.XorRshK, [Alu64Reg(Xor, 1, 3), Alu64(Rsh, 1, 1)] },
        { "lsh K; or X (rotate)", Superinstructions.LshOrX, [Alu64(Lsh, 1, 5), Alu64Reg(Or, 1, 3)] },
        { "mul K; add K", Superinstructions.MulAddK, [Alu64(Mul, 1, 1103515245), Alu64(Add, 1, 12345)] },
        { "xorshift <<", Superinstructions.MovLshXorSelf, [Mov64Reg(1, 2), Alu64(Lsh, 1, 13), Alu64Reg(Xor, 1, 2)] },
        { "xorshift >>", Superinstructions.MovRshXorSelf, [Mov64Reg(1, 2), Alu64(Rsh, 1, 7), Alu64Reg(Xor, 1, 2)] },
        // The operand is the register just written: a group would read its old value.
        { "mov; add X of itself", 0, [Mov64Reg(1, 2), Alu64Reg(Add, 1, 1)] },
        { "-(d & 1) & d", 0, [Alu64(Opcodes.AluNeg, 1, 0), Alu64Reg(And, 1, 1)] },
        { "lsh K; or X of itself", 0, [Alu64(Lsh, 1, 5), Alu64Reg(Or, 1, 1)] },
        { "xorshift on one register", Superinstructions.MovLshK, [Mov64Reg(1, 1), Alu64(Lsh, 1, 13), Alu64Reg(Xor, 1, 1)] },
        // Another register in between: nothing to fuse.
        { "mov; lsh K of another register", 0, [Mov64Reg(1, 2), Alu64(Lsh, 3, 13)] },
        { "lsh 32; rsh 31", 0, [Alu64(Lsh, 1, 32), Alu64(Rsh, 1, 31)] },
    };

    [Theory]
    [MemberData(nameof(Groups))]
    public void AGroupComputesWhatItsInstructionsComputeApart(string shape, int superinstruction, byte[][] group)
    {
        _ = shape;
        var random = new Random(group.Length * 7919 + superinstruction);
        for (int i = 0; i < 200; i++)
        {
            ulong[] registers = Enumerable.Range(0, 6).Select(_ => Value(random)).ToArray();
            var (fused, fusedProgram) = Run(registers, group, apart: false);
            var (apart, _) = Run(registers, group, apart: true);
            Assert.Equal(apart, fused);
            Assert.Equal(superinstruction == 0 ? fusedProgram.Op[Prologue] : superinstruction, Superinstructions.Fuse(fusedProgram)[Prologue]);
        }
    }

    [Theory]
    [InlineData(Opcodes.JmpJne, false)]
    [InlineData(Opcodes.JmpJgt, true)]
    public void ACopyBeforeALoopsBackEdgeRunsAsOne(int jump, bool fromRegister)
    {
        // r1 = 5; loop: r0 = r1; r1 -= 1; [r2 = r1]; if r1 != 0 / if r1 > r3 (0) goto loop; exit
        byte[] code = Program(Mov64(1, 5), Mov64(3, 0),
            Mov64Reg(0, 1), Add64(1, -1), Mov64Reg(2, 1),
            fromRegister ? JmpReg(jump, 1, 3, -4) : Jmp(jump, 1, 0, -4), Exit());
        VmProgram program = Sandbox.Verify(code).Program!;
        Assert.Equal(fromRegister ? Superinstructions.MovJgtX : Superinstructions.MovJneK, Superinstructions.Fuse(program)[4]);
        Vm vm = Sandbox.Load(code);
        Assert.Equal(VmStatus.Ok, vm.Run(0));
        Assert.Equal(1UL, vm.Result);
        Assert.Equal(2 + 4 * 5 + 1, vm.InstructionCount);
        Assert.Equal(4, vm.BranchCount);
    }

    /// <summary>
    /// A straight run full of groups, stopped by every budget short of its length: the count is the
    /// budget, the fault index the first instruction not run, and the next run is unharmed.
    /// </summary>
    [Fact]
    public void ABudgetEndingInsideAGroupStopsAtTheExactInstruction()
    {
        byte[][] body =
        [
            Mov64(2, 77), Mov64(3, 5), Mov64(4, 9),
            Mov64Reg(1, 2), Alu64(Lsh, 1, 32), Alu64(Rsh, 1, 32),                                    // 3: MovZext
            Alu64(And, 1, 1), Alu64(Opcodes.AluNeg, 1, 0), Alu64Reg(And, 1, 3), Alu64Reg(Xor, 1, 4), // 6: MaskSelectXorX
            Lddw(5, 0x1_0000_0001UL),                                                                // 10-11
            Mov64Reg(0, 1), Alu64Reg(Add, 0, 5),                                                     // 12: MovAddX
            Exit(),                                                                                  // 14
        ];
        int[] slotOfInstruction = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14];
        byte[] code = Program(body);
        Vm vm = Sandbox.Load(code);
        Assert.Equal(VmStatus.Ok, vm.Run(0));
        ulong expected = vm.Result;
        Assert.Equal(14, vm.InstructionCount);
        for (int budget = 1; budget < 14; budget++)
        {
            vm.InstructionBudget = budget;
            Assert.Equal(VmStatus.InstructionBudgetExhausted, vm.Run(0));
            Assert.Equal(budget, vm.InstructionCount);
            Assert.Equal(slotOfInstruction[budget], vm.FaultIndex);
            vm.InstructionBudget = 100;
            Assert.Equal(VmStatus.Ok, vm.Run(0));
            Assert.Equal(expected, vm.Result);
            Assert.Equal(14, vm.InstructionCount);
        }
    }

    [Theory]
    [InlineData(100)]
    [InlineData(4)]
    public void AFaultInsideARunCountsOnlyWhatRan(int budget)
    {
        // Instruction 3 reads address 0 and faults: 4 instructions ran, whatever the run's length
        // and whether the budget paid for all of it (100) or only up to a planted Halt (4 of 6).
        byte[] code = Program(Mov64(1, 0), Mov64(2, 1), Mov64(3, 2), Ldx(Opcodes.SizeW, 0, 1, 0), Mov64(4, 3), Exit());
        Vm vm = Sandbox.Load(code);
        vm.InstructionBudget = budget;
        Assert.Equal(VmStatus.MemoryOutOfBounds, vm.Run(0));
        Assert.Equal(3, vm.FaultIndex);
        Assert.Equal(4, vm.InstructionCount);
    }

    [Fact]
    public void AHelperCallEndsARunSoItsRemainingBudgetIsExact()
    {
        var probe = new RemainingProbe();
        byte[] code = Program(Mov64(1, 1), Mov64(2, 2), CallHelper(9), Mov64(3, 3), Mov64(4, 4), Exit());
        Vm vm = Sandbox.Load(code, Sandbox.Table(9, probe));
        vm.InstructionBudget = 50;
        Assert.Equal(VmStatus.Ok, vm.Run(0));
        Assert.Equal(47, probe.Remaining);
        Assert.Equal(6, vm.InstructionCount);
    }

    private sealed class RemainingProbe : IHelper
    {
        public int Remaining;

        public VmStatus Invoke(Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            Remaining = vm.RemainingInstructions;
            result = 0;
            return VmStatus.Ok;
        }
    }

    private const int Prologue = 12; // six LDDWs

    /// <summary>r0..r5 set, the group, then r0 = the xor of r0..r5 so every register shows.</summary>
    private static (ulong Result, VmProgram Program) Run(ulong[] registers, byte[][] group, bool apart)
    {
        var code = new List<byte[]>();
        for (int i = 0; i < registers.Length; i++)
        {
            code.Add(Lddw(i, registers[i]));
        }
        foreach (byte[] instruction in group)
        {
            code.Add(instruction);
            if (apart)
            {
                code.Add(Ja(0));
            }
        }
        for (int i = 1; i < registers.Length; i++)
        {
            code.Add(Alu64Reg(Xor, 0, i));
        }
        code.Add(Exit());
        byte[] bytes = Program([.. code]);
        Vm vm = Sandbox.Load(bytes);
        Assert.Equal(VmStatus.Ok, vm.Run(0));
        return (vm.Result, Sandbox.Verify(bytes).Program!);
    }

    private static ulong Value(Random random) => random.Next(4) switch
    {
        0 => (ulong)random.Next(-3, 4),
        1 => 0x8000_0000UL << random.Next(2),
        _ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 33),
    };
}
