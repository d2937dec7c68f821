using WasmBox.Nano.Vm.Tests.Support;
using static WasmBox.Nano.Vm.Tests.Support.Ins;
using static WasmBox.Nano.Vm.Tests.Support.Sandbox;

namespace WasmBox.Nano.Vm.Tests;

/// <summary>ALU semantics of RFC 9669 that the conformance corpus covers thinly or not at all.</summary>
public class AluSemanticsTests
{
    private const ulong Pattern = 0xAAAA_BBBB_CCCC_DDDD;
    private const ulong Bytes = 0x0123_4567_89AB_CDEF;

    [Theory]
    [InlineData(Opcodes.AluAdd, 0)]
    [InlineData(Opcodes.AluSub, 0)]
    [InlineData(Opcodes.AluMul, 1)]
    [InlineData(Opcodes.AluDiv, 1)]
    [InlineData(Opcodes.AluOr, 0)]
    [InlineData(Opcodes.AluAnd, -1)]
    [InlineData(Opcodes.AluLsh, 0)]
    [InlineData(Opcodes.AluRsh, 0)]
    [InlineData(Opcodes.AluMod, -1)]
    [InlineData(Opcodes.AluXor, 0)]
    [InlineData(Opcodes.AluArsh, 0)]
    public void Alu32IdentityOperationsClearTheUpperHalf(int op, int identity)
    {
        Assert.Equal(0xCCCC_DDDDUL, Eval(Lddw(0, Pattern), Alu32(op, 0, identity)));
        Assert.Equal(0xCCCC_DDDDUL, Eval(Lddw(0, Pattern), Mov64(1, identity), Alu32Reg(op, 0, 1)));
    }

    [Fact]
    public void Alu32ResultsAreZeroExtendedNotSignExtended()
    {
        Assert.Equal(0xFFFF_FFFFUL, Eval(Alu32(Opcodes.AluMov, 0, -1)));
        Assert.Equal(0UL, Eval(Lddw(0, ulong.MaxValue), Alu32(Opcodes.AluAdd, 0, 1)));
        Assert.Equal(0xFFFF_FFFFUL, Eval(Lddw(0, 0x1_0000_0001), Alu32(Opcodes.AluNeg, 0, 0)));
        Assert.Equal(0xCCCC_DDDDUL, Eval(Lddw(1, Pattern), Alu32Reg(Opcodes.AluMov, 0, 1)));
        Assert.Equal(0xFFFF_FFFFUL, Eval(Alu32(Opcodes.AluMov, 0, 0x7FFF_FFFF), Alu32(Opcodes.AluAdd, 0, 0x7FFF_FFFF), Alu32(Opcodes.AluAdd, 0, 1)));
    }

    [Fact]
    public void Alu64ImmediatesAreSignExtended()
    {
        Assert.Equal(ulong.MaxValue, Eval(Mov64(0, -1)));
        Assert.Equal(Pattern, Eval(Lddw(0, Pattern), Alu64(Opcodes.AluAnd, 0, -1)));
        Assert.Equal(0UL, Eval(Mov64(0, 5), Alu64(Opcodes.AluDiv, 0, -1)));
    }

    [Fact]
    public void ShiftCountsAreMaskedToTheOperandWidth()
    {
        Assert.Equal(2UL, Eval(Mov64(0, 1), Alu64(Opcodes.AluLsh, 0, 65)));
        Assert.Equal(2UL, Eval(Mov64(0, 1), Mov64(1, 65), Alu64Reg(Opcodes.AluLsh, 0, 1)));
        Assert.Equal(2UL, Eval(Mov64(0, 1), Alu32(Opcodes.AluLsh, 0, 33)));
        Assert.Equal(2UL, Eval(Mov64(0, 1), Mov64(1, 33), Alu32Reg(Opcodes.AluLsh, 0, 1)));
        Assert.Equal(0x4000_0000UL, Eval(Mov64(0, 1), Lddw(1, 0x1_0000_001E), Alu32Reg(Opcodes.AluLsh, 0, 1)));
        Assert.Equal(0x8000_0000UL, Eval(Lddw(0, 0x8000_0000), Mov64(1, 32), Alu32Reg(Opcodes.AluRsh, 0, 1)));
        Assert.Equal(Pattern >> 1, Eval(Lddw(0, Pattern), Alu64(Opcodes.AluRsh, 0, 129)));
    }

    [Fact]
    public void ArithmeticShiftsKeepTheSignOfTheirWidth()
    {
        Assert.Equal(0xFFFF_FFFFUL, Eval(Alu32(Opcodes.AluMov, 0, int.MinValue), Alu32(Opcodes.AluArsh, 0, 31)));
        Assert.Equal(ulong.MaxValue, Eval(Lddw(0, 0x8000_0000_0000_0000), Alu64(Opcodes.AluArsh, 0, 63)));
        Assert.Equal(1UL, Eval(Lddw(0, 0x8000_0000), Alu64(Opcodes.AluArsh, 0, 31)));
    }

    [Fact]
    public void DivisionByZeroGivesZero()
    {
        Assert.Equal(0UL, Eval(Lddw(0, Pattern), Alu64(Opcodes.AluDiv, 0, 0)));
        Assert.Equal(0UL, Eval(Lddw(0, Pattern), Mov64(1, 0), Alu64Reg(Opcodes.AluDiv, 0, 1)));
        Assert.Equal(0UL, Eval(Lddw(0, Pattern), Alu32(Opcodes.AluDiv, 0, 0)));
        Assert.Equal(0UL, Eval(Lddw(0, Pattern), Lddw(1, 0x1_0000_0000), Alu32Reg(Opcodes.AluDiv, 0, 1)));
        Assert.Equal(0UL, Eval(Lddw(0, Pattern), Alu64(Opcodes.AluDiv, 0, 0, offset: 1)));
        Assert.Equal(0UL, Eval(Lddw(0, Pattern), Mov64(1, 0), Alu32Reg(Opcodes.AluDiv, 0, 1, offset: 1)));
    }

    [Fact]
    public void ModuloByZeroLeavesDstAndThe32BitFormZeroExtends()
    {
        Assert.Equal(Pattern, Eval(Lddw(0, Pattern), Alu64(Opcodes.AluMod, 0, 0)));
        Assert.Equal(Pattern, Eval(Lddw(0, Pattern), Mov64(1, 0), Alu64Reg(Opcodes.AluMod, 0, 1)));
        Assert.Equal(Pattern, Eval(Lddw(0, Pattern), Alu64(Opcodes.AluMod, 0, 0, offset: 1)));
        Assert.Equal(0xCCCC_DDDDUL, Eval(Lddw(0, Pattern), Alu32(Opcodes.AluMod, 0, 0)));
        Assert.Equal(0xCCCC_DDDDUL, Eval(Lddw(0, Pattern), Lddw(1, 0x7_0000_0000), Alu32Reg(Opcodes.AluMod, 0, 1)));
        Assert.Equal(0xCCCC_DDDDUL, Eval(Lddw(0, Pattern), Alu32(Opcodes.AluMod, 0, 0, offset: 1)));
    }

    [Fact]
    public void SignedOverflowOfMinByMinusOneWrapsWithoutTrapping()
    {
        const ulong min64 = 0x8000_0000_0000_0000;
        Assert.Equal(min64, Eval(Lddw(0, min64), Alu64(Opcodes.AluDiv, 0, -1, offset: 1)));
        Assert.Equal(min64, Eval(Lddw(0, min64), Mov64(1, -1), Alu64Reg(Opcodes.AluDiv, 0, 1, offset: 1)));
        Assert.Equal(0UL, Eval(Lddw(0, min64), Alu64(Opcodes.AluMod, 0, -1, offset: 1)));
        Assert.Equal(0UL, Eval(Lddw(0, min64), Mov64(1, -1), Alu64Reg(Opcodes.AluMod, 0, 1, offset: 1)));
        Assert.Equal(0x8000_0000UL, Eval(Alu32(Opcodes.AluMov, 0, int.MinValue), Alu32(Opcodes.AluDiv, 0, -1, offset: 1)));
        Assert.Equal(0x8000_0000UL, Eval(Alu32(Opcodes.AluMov, 0, int.MinValue), Mov64(1, -1), Alu32Reg(Opcodes.AluDiv, 0, 1, offset: 1)));
        Assert.Equal(0UL, Eval(Alu32(Opcodes.AluMov, 0, int.MinValue), Alu32(Opcodes.AluMod, 0, -1, offset: 1)));
        Assert.Equal(0UL, Eval(Alu32(Opcodes.AluMov, 0, int.MinValue), Mov64(1, -1), Alu32Reg(Opcodes.AluMod, 0, 1, offset: 1)));
    }

    [Theory]
    [InlineData(-7L, 2L, -3L, -1L)]
    [InlineData(7L, -2L, -3L, 1L)]
    [InlineData(-7L, -2L, 3L, -1L)]
    [InlineData(5L, 0L, 0L, 5L)]
    public void SignedDivisionTruncatesTowardZero(long a, long b, long quotient, long remainder)
    {
        Assert.Equal((ulong)quotient, Eval(Lddw(0, (ulong)a), Alu64(Opcodes.AluDiv, 0, (int)b, offset: 1)));
        Assert.Equal((ulong)remainder, Eval(Lddw(0, (ulong)a), Alu64(Opcodes.AluMod, 0, (int)b, offset: 1)));
        Assert.Equal((ulong)(uint)quotient, Eval(Alu32(Opcodes.AluMov, 0, (int)a), Alu32(Opcodes.AluDiv, 0, (int)b, offset: 1)));
        Assert.Equal((ulong)(uint)remainder, Eval(Alu32(Opcodes.AluMov, 0, (int)a), Alu32(Opcodes.AluMod, 0, (int)b, offset: 1)));
    }

    [Fact]
    public void UnsignedDivisionOf32BitFormsUsesOnlyTheLowHalves()
    {
        // 0xFFFFFFFF / 0x10 in 32 bits, with junk in both upper halves.
        Assert.Equal(0x0FFF_FFFFUL, Eval(Lddw(0, 0x5_FFFF_FFFF), Lddw(1, 0x9_0000_0010), Alu32Reg(Opcodes.AluDiv, 0, 1)));
        // The immediate is read as unsigned 32 bits: -1 is 0xFFFFFFFF.
        Assert.Equal(1UL, Eval(Alu32(Opcodes.AluMov, 0, -1), Alu32(Opcodes.AluDiv, 0, -1)));
    }

    [Theory]
    [InlineData(Opcodes.Le, 16, 0xCDEFUL)]
    [InlineData(Opcodes.Le, 32, 0x89AB_CDEFUL)]
    [InlineData(Opcodes.Le, 64, Bytes)]
    [InlineData(Opcodes.Be, 16, 0xEFCDUL)]
    [InlineData(Opcodes.Be, 32, 0xEFCD_AB89UL)]
    [InlineData(Opcodes.Be, 64, 0xEFCD_AB89_6745_2301UL)]
    [InlineData(Opcodes.Bswap, 16, 0xEFCDUL)]
    [InlineData(Opcodes.Bswap, 32, 0xEFCD_AB89UL)]
    [InlineData(Opcodes.Bswap, 64, 0xEFCD_AB89_6745_2301UL)]
    public void ByteSwapsConvertAndZeroExtend(int opcode, int bits, ulong expected)
    {
        Assert.Equal(expected, Eval(Lddw(0, Bytes), Swap(opcode, 0, bits)));
    }

    [Theory]
    [InlineData(64, 8, 0x80UL, 0xFFFF_FFFF_FFFF_FF80UL)]
    [InlineData(64, 16, 0x8000UL, 0xFFFF_FFFF_FFFF_8000UL)]
    [InlineData(64, 32, 0x8000_0000UL, 0xFFFF_FFFF_8000_0000UL)]
    [InlineData(64, 8, 0xFFFF_FF7FUL, 0x7FUL)]
    [InlineData(32, 8, 0x80UL, 0xFFFF_FF80UL)]
    [InlineData(32, 16, 0xFFFF_0000_0000_8000UL, 0xFFFF_8000UL)]
    [InlineData(32, 16, 0x7FFFUL, 0x7FFFUL)]
    public void SignExtendingMovesExtendFromTheirSourceWidth(int width, int bits, ulong source, ulong expected)
    {
        byte[] move = width == 64 ? MovSx64(0, 1, bits) : MovSx32(0, 1, bits);
        Assert.Equal(expected, Eval(Lddw(1, source), move));
    }

    [Theory]
    [InlineData(Opcodes.SizeB, 0xFFFF_FFFF_FFFF_FF80UL, 0x80UL)]
    [InlineData(Opcodes.SizeH, 0xFFFF_FFFF_FFFF_8180UL, 0x8180UL)]
    [InlineData(Opcodes.SizeW, 0xFFFF_FFFF_8382_8180UL, 0x8382_8180UL)]
    public void SignExtendingLoadsExtendAndPlainLoadsDoNot(int size, ulong signed, ulong unsigned)
    {
        byte[] store = Ins.Program(Lddw(1, 0x8786_8584_8382_8180), Stx(Opcodes.SizeDw, 10, 1, -8));
        Assert.Equal(signed, Eval(store, LdxSx(size, 0, 10, -8)));
        Assert.Equal(unsigned, Eval(store, Ldx(size, 0, 10, -8)));
    }

    [Fact]
    public void LddwLoadsAll64BitsAndDoesNotSignExtendTheLowHalf()
    {
        Assert.Equal(0x8000_0000UL, Eval(Lddw(0, 0x8000_0000)));
        Assert.Equal(0xFFFF_FFFF_0000_0000UL, Eval(Lddw(0, 0xFFFF_FFFF_0000_0000)));
        Assert.Equal(Pattern, Eval(Lddw(0, Pattern)));
    }
}
