using WasmBox.Nano.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using WasmBox.Nano.Vm.Tests.Support;
using Xunit.Abstractions;

namespace WasmBox.Nano.Vm.Tests;

/// <summary>
/// Robustness: the verifier never throws on any input, and whatever it accepts runs to a
/// defined status within the budgets without throwing.
/// </summary>
public class RandomProgramProperties(ITestOutputHelper output)
{
    private const int InstructionBudget = 4000;
    private const int BranchBudget = 600;
    private static readonly int[] PointerRegisters = [1, 2, 10, 10, 0, 3];

    private readonly HelperTable _helpers = FuzzHelpers.CreateTable();
    private readonly HashSet<VmStatus> _statuses = [];
    private int _cases;
    private int _accepted;

    /// <summary>Verifies and, when accepted, runs one program; asserts everything that must hold.</summary>
    private void VerifyAndRun(byte[] code)
    {
        _cases++;
        VerifyResult verified = Verifier.Verify(code, new VerifierOptions { Helpers = _helpers });
        int slots = code.Length / Opcodes.InstructionSize;
        if (!verified.Ok)
        {
            Assert.NotEqual(VerifyError.None, verified.Error);
            Assert.InRange(verified.Index, -1, slots - 1);
            Assert.False(string.IsNullOrEmpty(verified.Message));
            return;
        }
        _accepted++;
        var vm = new Vm(verified.Program, _helpers, FuzzHelpers.RunTimeGrant(), 4)
        {
            InstructionBudget = InstructionBudget,
            BranchBudget = BranchBudget,
        };
        new IsolatedMemory().MapInto(vm.Memory);
        VmStatus status = vm.Run(MemoryRegion.ContextBase, MemoryRegion.DataBase);
        _statuses.Add(status);
        RunAssertions.Hold(vm, status, slots, InstructionBudget, BranchBudget);
    }

    [Fact]
    public void VerifierNeverThrowsOnRandomBytes()
    {
        Gen<byte[]> bytes = Gen.Choose(0, 80).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));
        PropertyRunner.Check(bytes, 3000, 0x5EED_0001, VerifyAndRun);
        Assert.Equal(3000, _cases);
    }

    [Fact]
    public void RandomValidLookingProgramsAreRefusedCleanlyOrRunWithinBudget()
    {
        Gen<byte[]> programs = RandomPrograms.Words(40).Select(w => RandomPrograms.Build(w, [], PointerRegisters));
        PropertyRunner.Check(programs, 4000, 0x5EED_0002, VerifyAndRun);
        AssertTheGeneratorReachedInterestingCases();
    }

    [Fact]
    public void MutatedProgramsAreRefusedCleanlyOrRunWithinBudget()
    {
        Gen<byte[]> mutants =
            from words in RandomPrograms.Words(24)
            from flips in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), 3)
            select Mutate(RandomPrograms.Build(words, [], PointerRegisters), flips);
        PropertyRunner.Check(mutants, 3000, 0x5EED_0003, VerifyAndRun);
        Assert.True(_accepted > 0, "no mutant was accepted");
    }

    /// <summary>Overwrites up to three bytes; the low bits pick the byte, the rest its value.</summary>
    private static byte[] Mutate(byte[] code, int[] flips)
    {
        foreach (int flip in flips)
        {
            code[flip % code.Length] = (byte)(flip >> 16);
        }
        return code;
    }

    private void AssertTheGeneratorReachedInterestingCases()
    {
        string seen = string.Join(", ", _statuses);
        output.WriteLine($"{_accepted} of {_cases} accepted; seen: {seen}");
        Assert.True(_accepted * 4 >= _cases, $"only {_accepted} of {_cases} programs were accepted");
        foreach (VmStatus expected in new[]
        {
            VmStatus.Ok, VmStatus.MemoryOutOfBounds, VmStatus.BranchBudgetExhausted, VmStatus.HelperDenied,
            VmStatus.HelperFault,
        })
        {
            Assert.True(_statuses.Contains(expected), $"no run ended in {expected}; seen: {seen}");
        }
    }
}
