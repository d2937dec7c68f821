namespace WasmBox.Nano.Vm.Tests.Support;

/// <summary>What must hold after any run of any verified program.</summary>
internal static class RunAssertions
{
    public static void Hold(Vm vm, VmStatus status, int slots, int instructionBudget, int branchBudget)
    {
        Assert.True(Enum.IsDefined(status), "status out of range: " + (int)status);
        // Verified programs never reach an instruction the interpreter does not know.
        Assert.NotEqual(VmStatus.InvalidInstruction, status);
        Assert.Equal(status, vm.Status);
        Assert.InRange(vm.InstructionCount, 1, instructionBudget);
        Assert.InRange(vm.BranchCount, 0, branchBudget);
        if (status == VmStatus.Ok)
        {
            Assert.Equal(-1, vm.FaultIndex);
        }
        else
        {
            Assert.InRange(vm.FaultIndex, 0, slots - 1);
            Assert.Equal(0UL, vm.Result);
        }
    }
}
