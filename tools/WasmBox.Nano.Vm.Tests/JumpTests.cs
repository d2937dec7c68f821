using WasmBox.Nano.Vm.Tests.Support;
using static WasmBox.Nano.Vm.Tests.Support.Ins;

namespace WasmBox.Nano.Vm.Tests;

/// <summary>Conditional jumps: 64-bit against 32-bit comparisons, signedness, immediate extension.</summary>
public class JumpTests
{
    /// <summary>Runs "r1 = a; r2 = b; if (jump) r0 = 1 else r0 = 0".</summary>
    private static bool Taken(byte[] jump, ulong a, ulong b)
    {
        return Sandbox.Eval(Lddw(1, a), Lddw(2, b), Mov64(0, 0), jump, Ja(1), Mov64(0, 1)) == 1;
    }

    private const ulong HighJunk5 = 0x1_0000_0005; // low half 5
    private const ulong MinusOne32 = 0xFFFF_FFFF;  // -1 as 32 bits, 4294967295 as 64

    [Theory]
    [InlineData(Opcodes.JmpJeq, HighJunk5, 5UL, false, true)]
    [InlineData(Opcodes.JmpJne, HighJunk5, 5UL, true, false)]
    [InlineData(Opcodes.JmpJgt, 0x1_0000_0001UL, 2UL, true, false)]
    [InlineData(Opcodes.JmpJge, 0x1_0000_0001UL, 2UL, true, false)]
    [InlineData(Opcodes.JmpJlt, 0x1_0000_0001UL, 2UL, false, true)]
    [InlineData(Opcodes.JmpJle, 0x1_0000_0001UL, 2UL, false, true)]
    [InlineData(Opcodes.JmpJset, 0x1_0000_0000UL, 0x1_0000_0000UL, true, false)]
    [InlineData(Opcodes.JmpJsgt, MinusOne32, 0UL, true, false)]
    [InlineData(Opcodes.JmpJsge, MinusOne32, 0UL, true, false)]
    [InlineData(Opcodes.JmpJslt, MinusOne32, 0UL, false, true)]
    [InlineData(Opcodes.JmpJsle, MinusOne32, 0UL, false, true)]
    [InlineData(Opcodes.JmpJsgt, 0x8000_0000_0000_0000UL, 1UL, false, false)]
    [InlineData(Opcodes.JmpJslt, 0x8000_0000_0000_0000UL, 1UL, true, true)]
    public void Jmp32ComparesOnlyTheLowHalves(int op, ulong a, ulong b, bool taken64, bool taken32)
    {
        Assert.Equal(taken64, Taken(JmpReg(op, 1, 2, 1), a, b));
        Assert.Equal(taken32, Taken(Jmp32Reg(op, 1, 2, 1), a, b));
    }

    [Theory]
    [InlineData(Opcodes.JmpJeq, HighJunk5, 5, false, true)]
    [InlineData(Opcodes.JmpJgt, 5UL, -1, false, false)]      // imm -1 is all ones in both widths
    [InlineData(Opcodes.JmpJsgt, 5UL, -1, true, true)]
    [InlineData(Opcodes.JmpJeq, ulong.MaxValue, -1, true, true)]
    [InlineData(Opcodes.JmpJeq, MinusOne32, -1, false, true)]
    [InlineData(Opcodes.JmpJslt, MinusOne32, 0, false, true)]
    [InlineData(Opcodes.JmpJset, 0x1_0000_0000UL, -1, true, false)]
    public void ImmediateComparisonsSignExtendTheImmediate(int op, ulong a, int imm, bool taken64, bool taken32)
    {
        Assert.Equal(taken64, Taken(Jmp(op, 1, imm, 1), a, 0));
        Assert.Equal(taken32, Taken(Jmp32(op, 1, imm, 1), a, 0));
    }

    [Fact]
    public void Ja32TakesItsOffsetFromTheImmediate()
    {
        Assert.Equal(7UL, Sandbox.Eval(Mov64(0, 7), Ja32(1), Mov64(0, 9)));
    }

    [Fact]
    public void BackwardJumpsLoop()
    {
        // r0 = sum of 1..10
        ulong sum = Sandbox.Eval(Mov64(0, 0), Mov64(1, 10),
            Alu64Reg(Opcodes.AluAdd, 0, 1), Add64(1, -1), Jmp(Opcodes.JmpJne, 1, 0, -3));
        Assert.Equal(55UL, sum);
    }
}
