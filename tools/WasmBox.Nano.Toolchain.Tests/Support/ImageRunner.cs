using System.Buffers.Binary;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Toolchain.Tests.Support;

/// <summary>
/// Runs one entry point of a linked image in the VM the way a board maps it: rodata read-only
/// at <see cref="MemoryRegion.RodataBase"/>, data + bss read-write at <see cref="MemoryRegion.DataBase"/>
/// (kept across calls), and a 32-byte context of four 64-bit words at the context base in r1.
/// The VM starts at instruction 0, so a two-instruction trampoline (local call to the entry, exit)
/// is put in front of the text; relocated code is position independent apart from its data addresses.
/// </summary>
internal sealed class ImageRunner
{
    private const int ContextWords = 4;

    private readonly Vm.Vm _vm;
    private readonly byte[] _context = new byte[ContextWords * 8];

    public ImageRunner(FunctionImage image, string entry)
    {
        EntryPoint start = image.FindEntry(entry) ?? throw new ArgumentException("no entry " + entry);
        byte[] code = WithTrampoline(image.Text, start.Index);
        VerifyResult verified = Verifier.Verify(code, new VerifierOptions { Helpers = new HelperTable() });
        Assert.True(verified.Ok, "verifier: " + verified.Message);
        _vm = new Vm.Vm(verified.Program, new HelperTable(), null, 8) { InstructionBudget = 10_000_000, BranchBudget = 1_000_000 };
        _vm.Memory.Map(new MemoryRegion(MemoryRegion.ContextBase, _context, true, true));
        if (image.Rodata.Length > 0)
        {
            _vm.Memory.Map(new MemoryRegion(MemoryRegion.RodataBase, image.Rodata, true, false));
        }
        byte[] data = new byte[image.Data.Length + image.BssSize];
        image.Data.CopyTo(data, 0);
        if (data.Length > 0)
        {
            _vm.Memory.Map(new MemoryRegion(MemoryRegion.DataBase, data, true, true));
        }
    }

    public ulong Call(ulong[] context)
    {
        for (int i = 0; i < ContextWords; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(_context.AsSpan(i * 8), context[i]);
        }
        VmStatus status = _vm.Run(MemoryRegion.ContextBase);
        Assert.True(status == VmStatus.Ok, "run ended with " + status + " at instruction " + _vm.FaultIndex);
        return _vm.Result;
    }

    public static ulong[] RunAll(FunctionImage image, string entry, IReadOnlyList<ulong[]> contexts)
    {
        var runner = new ImageRunner(image, entry);
        return contexts.Select(runner.Call).ToArray();
    }

    private static byte[] WithTrampoline(byte[] text, int entryIndex)
    {
        byte[] code = new byte[16 + text.Length];
        code[0] = Opcodes.Call;
        code[1] = Opcodes.CallLocal << 4;
        // Target = pc + 1 + imm; the entry sits two slots further than in the text.
        BinaryPrimitives.WriteInt32LittleEndian(code.AsSpan(4), entryIndex + 1);
        code[8] = Opcodes.Exit;
        text.CopyTo(code, 16);
        return code;
    }
}
