namespace WasmBox.Nano.Asm.Tests;

public class AssemblerTests
{
    private static Instruction Single(string source) => Assert.Single(Assembler.AssembleInstructions(source));

    [Theory]
    [InlineData("mov %r0, 1", 0xb7, 0, 0, 0, 1)]
    [InlineData("mov32 %r1, %r2", 0xbc, 1, 2, 0, 0)]
    [InlineData("add %r3, -1", 0x07, 3, 0, 0, -1)]
    [InlineData("or %r0, 0xffffffff", 0x47, 0, 0, 0, -1)]
    [InlineData("sdiv32 %r0, %r1", 0x3c, 0, 1, 1, 0)]
    [InlineData("smod %r0, 3", 0x97, 0, 0, 1, 3)]
    [InlineData("neg32 %r4", 0x84, 4, 0, 0, 0)]
    [InlineData("be16 %r0", 0xdc, 0, 0, 0, 16)]
    [InlineData("le64 %r0", 0xd4, 0, 0, 0, 64)]
    [InlineData("bswap32 %r0", 0xd7, 0, 0, 0, 32)]
    [InlineData("swap16 %r0", 0xd7, 0, 0, 0, 16)]
    [InlineData("movsx832 %r0, %r1", 0xbc, 0, 1, 8, 0)]
    [InlineData("movsx3264 %r0, %r1", 0xbf, 0, 1, 32, 0)]
    [InlineData("ldxsh %r0, [%r1-2]", 0x89, 0, 1, -2, 0)]
    [InlineData("ldxdw %r0, [%r10+8]", 0x79, 0, 10, 8, 0)]
    [InlineData("stw [%r1+4], 0x11223344", 0x62, 1, 0, 4, 0x11223344)]
    [InlineData("stxb [%r10-1], %r3", 0x73, 10, 3, -1, 0)]
    [InlineData("jsgt32 %r1, %r2, -1", 0x6e, 1, 2, -1, 0)]
    [InlineData("ja32 +3", 0x06, 0, 0, 0, 3)]
    [InlineData("call 5", 0x85, 0, 0, 0, 5)]
    [InlineData("call local +2", 0x85, 0, 1, 0, 2)]
    [InlineData("exit", 0x95, 0, 0, 0, 0)]
    public void Encodes_each_form(string source, int opcode, int dst, int src, int offset, int imm)
    {
        Assert.Equal(new Instruction((byte)opcode, (byte)dst, (byte)src, (short)offset, imm), Single(source));
    }

    [Fact]
    public void Lddw_takes_two_slots_and_labels_count_them()
    {
        var code = Assembler.AssembleInstructions("""
            # comment line

            lddw %r0, 0x1122334455667788
            ja end   # trailing comment
            end: exit
            """);

        Assert.Equal(new Instruction(0x18, 0, 0, 0, 0x55667788), code[0]);
        Assert.Equal(new Instruction(0, 0, 0, 0, 0x11223344), code[1]);
        Assert.Equal(0, code[2].Offset);
        Assert.Equal(4, code.Count);
    }

    [Fact]
    public void First_exit_is_an_implicit_label_and_local_calls_use_imm()
    {
        var code = Assembler.AssembleInstructions("jeq %r0, 0, exit\ncall local f\nexit\nf:\nexit");

        Assert.Equal(1, code[0].Offset);
        Assert.Equal(1, code[1].Imm);
    }

    [Theory]
    [InlineData("mov %r0, 1\nfrob %r0", 2, "unknown mnemonic 'frob'")]
    [InlineData("mov %r11, 1", 1, "register %r11 does not exist")]
    [InlineData("mov r1, 1", 1, "expected a register like %r1")]
    [InlineData("exit\n\nja nowhere", 3, "undefined label 'nowhere'")]
    [InlineData("ldxw %r0, [%r1+40000]", 1, "offset +40000 is out of range")]
    [InlineData("ja -32769", 1, "offset -32769 is out of range")]
    [InlineData("mov %r0, 0x100000000", 1, "does not fit in 32 bits")]
    [InlineData("mov %r0, 2147483648", 1, "does not fit in 32 bits")]
    [InlineData("add %r0", 1, "add takes 2 operands, got 1")]
    [InlineData("a:\na:\nexit", 2, "label 'a' is defined twice")]
    [InlineData("lock add [%r10-8], %r1", 1, "atomic instructions (lock ...) are not supported")]
    [InlineData("call %r2", 1, "callx (call by register) is not supported")]
    public void Errors_name_the_line_and_the_reason(string source, int line, string reason)
    {
        var error = Assert.Throws<AssemblyException>(() => Assembler.Assemble(source));

        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Message);
        Assert.StartsWith("line " + line + ": ", error.Message);
    }

    [Fact]
    public void Jump_to_a_label_too_far_away_is_refused()
    {
        string source = "ja far\n" + string.Concat(Enumerable.Repeat("mov %r0, 0\n", 40000)) + "far:\nexit";

        var error = Assert.Throws<AssemblyException>(() => Assembler.Assemble(source));

        Assert.Equal(1, error.Line);
        Assert.Contains("out of range", error.Message);
    }

    [Fact]
    public void Hex_text_parses_runner_and_compact_forms()
    {
        Assert.Equal(new byte[] { 0xb7, 0x00, 0x2a }, HexBytes.Parse("b7  00  2a  \n"));
        Assert.Equal(new byte[] { 0xb7, 0x00, 0x2a }, HexBytes.Parse("0xb7002a"));
        Assert.Throws<FormatException>(() => HexBytes.Parse("b7 0g"));
    }
}
