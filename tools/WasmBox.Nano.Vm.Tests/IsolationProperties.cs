using WasmBox.Nano.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using WasmBox.Nano.Vm.Tests.Support;
using Xunit.Abstractions;
using static WasmBox.Nano.Vm.Tests.Support.Ins;

namespace WasmBox.Nano.Vm.Tests;

/// <summary>
/// Isolation: random accepted programs doing pointer arithmetic from r1 (context), r2 (data),
/// r3 (read-only data), r4/r10 (stack) and r5 (one past the context) never change a byte
/// outside the writable windows, never throw, and behave the same when run again from the
/// same memory (the stack is fresh each run).
/// </summary>
public class IsolationProperties(ITestOutputHelper output)
{
    private const int InstructionBudget = 3000;
    private const int BranchBudget = 400;

    private static readonly byte[] Prologue = Program(
        Lddw(3, MemoryRegion.RodataBase),
        Mov64Reg(4, 10),
        Lddw(5, MemoryRegion.ContextBase + IsolatedMemory.RegionSize));

    private static readonly int[] PointerRegisters = [1, 1, 2, 2, 3, 3, 4, 5, 10];

    private readonly HelperTable _helpers = FuzzHelpers.CreateTable();
    private readonly Dictionary<VmStatus, int> _statuses = [];
    private int _accepted;
    private int _wroteInside;

    private readonly record struct Outcome(VmStatus Status, ulong Result, int Instructions, int Branches,
        int FaultIndex, ulong FaultAddress);

    [Fact]
    public void AcceptedProgramsWriteOnlyInsideWritableRegions()
    {
        Gen<byte[]> programs = RandomPrograms.Words(32).Select(w => RandomPrograms.Build(w, Prologue, PointerRegisters));
        PropertyRunner.Check(programs, 4000, 0x150_1A7E, RunIsolated);

        output.WriteLine($"{_accepted} accepted, {_wroteInside} wrote inside; " + string.Join(", ", _statuses.Select(s => s.Key + ": " + s.Value)));
        Assert.True(_accepted >= 1000, $"only {_accepted} programs were accepted");
        Assert.True(_wroteInside >= 100, $"only {_wroteInside} programs wrote to writable memory");
        Assert.True(_statuses.ContainsKey(VmStatus.MemoryPermission), "no program hit the read-only region");
        Assert.True(_statuses.ContainsKey(VmStatus.MemoryOutOfBounds), "no program left its regions");
        Assert.True(_statuses.ContainsKey(VmStatus.Ok), "no program ran to its exit");
    }

    private void RunIsolated(byte[] code)
    {
        VerifyResult verified = Verifier.Verify(code, new VerifierOptions { Helpers = _helpers });
        if (!verified.Ok)
        {
            return;
        }
        _accepted++;
        var memory = new IsolatedMemory();
        var vm = new Vm(verified.Program, _helpers, FuzzHelpers.RunTimeGrant(), 4)
        {
            InstructionBudget = InstructionBudget,
            BranchBudget = BranchBudget,
        };
        memory.MapInto(vm.Memory);

        Outcome first = Run(vm);
        RunAssertions.Hold(vm, first.Status, code.Length / Opcodes.InstructionSize, InstructionBudget, BranchBudget);
        Assert.True(memory.OnlyWritableBytesChanged(), "a byte outside the writable regions changed");
        if (memory.WritableBytesChanged())
        {
            _wroteInside++;
        }
        byte[] contextAfter = (byte[])memory.ContextBacking.Clone();
        byte[] dataAfter = (byte[])memory.Data.Clone();

        memory.Restore();
        Assert.Equal(first, Run(vm));
        Assert.Equal(contextAfter, memory.ContextBacking);
        Assert.Equal(dataAfter, memory.Data);

        _statuses[first.Status] = _statuses.GetValueOrDefault(first.Status) + 1;
    }

    private static Outcome Run(Vm vm)
    {
        VmStatus status = vm.Run(MemoryRegion.ContextBase, MemoryRegion.DataBase);
        return new Outcome(status, vm.Result, vm.InstructionCount, vm.BranchCount, vm.FaultIndex, vm.FaultAddress);
    }
}
