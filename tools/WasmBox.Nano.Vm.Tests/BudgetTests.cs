using WasmBox.Nano.Vm.Tests.Support;
using static WasmBox.Nano.Vm.Tests.Support.Ins;

namespace WasmBox.Nano.Vm.Tests;

/// <summary>Instruction and taken-branch budgets stop a run exactly at the limit and are reported.</summary>
public class BudgetTests
{
    private const int Iterations = 10;

    /// <summary>r1 = 10; loop: r1 -= 1; if r1 != 0 goto loop; exit. 23 instructions, 9 taken jumps.</summary>
    private static Vm CountDown() => Sandbox.Load(Program(
        Mov64(1, Iterations), Add64(1, -1), Jmp(Opcodes.JmpJne, 1, 0, -2), Exit()));

    private const int CountDownInstructions = 1 + 2 * Iterations + 1;
    private const int CountDownBranches = Iterations - 1;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(CountDownInstructions - 1)]
    [InlineData(CountDownInstructions)]
    [InlineData(CountDownInstructions + 1)]
    public void InstructionBudgetStopsExactlyAtTheBudget(int budget)
    {
        Vm vm = CountDown();
        vm.InstructionBudget = budget;
        VmStatus status = vm.Run(0);
        if (budget >= CountDownInstructions)
        {
            Assert.Equal(VmStatus.Ok, status);
            Assert.Equal(CountDownInstructions, vm.InstructionCount);
            Assert.Equal(-1, vm.FaultIndex);
        }
        else
        {
            Assert.Equal(VmStatus.InstructionBudgetExhausted, status);
            Assert.Equal(budget, vm.InstructionCount);
            // The instruction at trace position `budget` is the first one not executed.
            int[] trace = [0, .. Enumerable.Repeat(new[] { 1, 2 }, Iterations).SelectMany(pair => pair), 3];
            Assert.Equal(trace[budget], vm.FaultIndex);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(CountDownBranches - 1)]
    [InlineData(CountDownBranches)]
    public void BranchBudgetStopsExactlyAtTheBudget(int budget)
    {
        Vm vm = CountDown();
        vm.BranchBudget = budget;
        VmStatus status = vm.Run(0);
        if (budget >= CountDownBranches)
        {
            Assert.Equal(VmStatus.Ok, status);
            Assert.Equal(CountDownBranches, vm.BranchCount);
            Assert.Equal(CountDownInstructions, vm.InstructionCount);
        }
        else
        {
            Assert.Equal(VmStatus.BranchBudgetExhausted, status);
            Assert.Equal(budget, vm.BranchCount);
            Assert.Equal(2, vm.FaultIndex);
        }
    }

    [Fact]
    public void LddwCountsAsOneInstructionAndLocalCallsAsBranches()
    {
        Vm vm = Sandbox.Load(Program(Lddw(0, 1), CallLocal(1), Exit(), Exit()));
        Assert.Equal(VmStatus.Ok, vm.Run(0));
        Assert.Equal(4, vm.InstructionCount);
        Assert.Equal(1, vm.BranchCount);
    }

    [Fact]
    public void CountsDescribeOnlyTheLastRun()
    {
        Vm vm = CountDown();
        vm.BranchBudget = 3;
        Assert.Equal(VmStatus.BranchBudgetExhausted, vm.Run(0));
        vm.BranchBudget = 100;
        Assert.Equal(VmStatus.Ok, vm.Run(0));
        Assert.Equal(CountDownInstructions, vm.InstructionCount);
        Assert.Equal(CountDownBranches, vm.BranchCount);
        Assert.Equal(-1, vm.FaultIndex);
        Assert.Equal(VmStatus.Ok, vm.Status);
    }

    [Fact]
    public void BudgetSettersClampNonsense()
    {
        Vm vm = CountDown();
        vm.InstructionBudget = -5;
        vm.BranchBudget = -5;
        Assert.Equal(1, vm.InstructionBudget);
        Assert.Equal(0, vm.BranchBudget);
        Assert.Equal(VmStatus.InstructionBudgetExhausted, vm.Run(0));
        Assert.Equal(1, vm.InstructionCount);
    }

    [Fact]
    public void ThrowingHelperEndsTheRunWithHelperFaultAndCounts()
    {
        HelperTable table = Sandbox.Table(5, new ThrowingHelper());
        Vm vm = Sandbox.Load(Program(Mov64(1, 1), CallHelper(5), Exit()), table);
        Assert.Equal(VmStatus.HelperFault, vm.Run(0));
        Assert.Equal(1, vm.FaultIndex);
        Assert.Equal(2, vm.InstructionCount);
        Assert.Equal(0UL, vm.Result);
        // The VM is still usable afterwards.
        Assert.Equal(VmStatus.HelperFault, vm.Run(0));
    }
}
