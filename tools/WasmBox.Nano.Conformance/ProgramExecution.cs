using System.Diagnostics;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Conformance;

/// <summary>Budgets and stack for one execution.</summary>
public sealed record ExecutionLimits(
    int InstructionBudget = Vm.Vm.DefaultInstructionBudget,
    int BranchBudget = Vm.Vm.DefaultBranchBudget,
    int StackFrames = Vm.Vm.DefaultStackFrames,
    int MaxInstructions = VerifierOptions.DefaultMaxInstructions);

/// <summary>How one verify-and-run ended.</summary>
public sealed record ExecutionOutcome(
    VerifyResult Verification,
    VmStatus Status,
    ulong Result,
    int FaultIndex,
    ulong FaultAddress,
    int InstructionCount,
    int BranchCount,
    TimeSpan WallTime)
{
    public bool Verified => Verification.Ok;

    public bool Succeeded => Verification.Ok && Status == VmStatus.Ok;

    /// <summary>Why the program did not finish normally ("verifier: ..." or the fault), or null.</summary>
    public string? Failure =>
        !Verification.Ok ? "verifier: " + Verification.Message
        : Status == VmStatus.Ok ? null
        : VmStatusText.Describe(Status) + " at instruction " + FaultIndex
          + (Status is VmStatus.MemoryOutOfBounds or VmStatus.MemoryPermission ? " (address 0x" + FaultAddress.ToString("x") + ")" : "");
}

/// <summary>
/// Verifies and runs bytecode the way the conformance harness does: the input memory is
/// mapped read-write at <see cref="MemoryRegion.ContextBase"/> with r1 = its address and
/// r2 = its length; with no input memory r1 = r2 = 0 (the runner passes no buffer then).
/// </summary>
public static class ProgramExecution
{
    public static ExecutionOutcome Run(byte[] code, byte[] memory, HelperTable helpers, ExecutionLimits limits)
    {
        var verification = Verifier.Verify(code, new VerifierOptions { Helpers = helpers, MaxInstructions = limits.MaxInstructions });
        if (!verification.Ok)
        {
            return new ExecutionOutcome(verification, VmStatus.Ok, 0, -1, 0, 0, 0, TimeSpan.Zero);
        }
        var vm = new Vm.Vm(verification.Program, helpers, null, limits.StackFrames)
        {
            InstructionBudget = limits.InstructionBudget,
            BranchBudget = limits.BranchBudget,
        };
        ulong address = 0;
        if (memory.Length > 0)
        {
            vm.Memory.Map(new MemoryRegion(MemoryRegion.ContextBase, memory, true, true));
            address = MemoryRegion.ContextBase;
        }
        var clock = Stopwatch.StartNew();
        var status = vm.Run(address, (ulong)memory.Length);
        clock.Stop();
        return new ExecutionOutcome(verification, status, vm.Result, vm.FaultIndex, vm.FaultAddress,
            vm.InstructionCount, vm.BranchCount, clock.Elapsed);
    }
}
