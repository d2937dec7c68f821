using WasmBox.Nano.Vm.Tests.Support;

namespace WasmBox.Nano.Vm.Tests;

/// <summary>Runs that start at an image's entry point instead of instruction 0.</summary>
public class EntryPointTests
{
    // 0: mov r0, 1; 1: exit; 2: mov r0, r1; 3: add r0, 40; 4-5: lddw r2, 7; 6: exit
    private static readonly byte[] Code = Ins.Program(
        Ins.Mov64(0, 1), Ins.Exit(),
        Ins.Mov64Reg(0, 1), Ins.Add64(0, 40), Ins.Lddw(2, 7), Ins.Exit());

    private static Vm NewVm()
    {
        VerifyResult v = Verifier.Verify(Code, new VerifierOptions());
        Assert.True(v.Ok, v.Message);
        return new Vm(v.Program, null, null, 1);
    }

    [Fact]
    public void RunStartsAtTheGivenEntry()
    {
        Vm vm = NewVm();
        Assert.Equal(VmStatus.Ok, vm.RunAt(2, 2, 0));
        Assert.Equal(42UL, vm.Result);
        Assert.Equal(4, vm.InstructionCount);
        Assert.Equal(VmStatus.Ok, vm.Run(2));
        Assert.Equal(1UL, vm.Result);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)] // second half of the lddw
    [InlineData(7)] // past the end
    public void AnEntryThatIsNoInstructionFaultsWithoutRunning(int entry)
    {
        Vm vm = NewVm();
        Assert.False(vm.Program.IsEntryPoint(entry));
        Assert.Equal(VmStatus.InvalidInstruction, vm.RunAt(entry, 0, 0));
        Assert.Equal(entry, vm.FaultIndex);
        Assert.Equal(0, vm.InstructionCount);
    }
}
