using FsCheck;
using FsCheck.Fluent;
using WasmBox.Nano.Conformance;

namespace WasmBox.Nano.Asm.Tests;

public class RoundTripTests
{
    public static TheoryData<string> Files() => Corpus.FileNames();

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Corpus_program_survives_assemble_disassemble_assemble(string fileName)
    {
        var test = Corpus.Load(fileName);
        Skip.If(test.OutOfScopeReason is not null, fileName + " is out of scope: " + test.OutOfScopeReason);
        byte[] original = ConformanceRunner.Bytecode(test);

        string text = Disassembler.Disassemble(original);

        Assert.Equal(original, Assembler.Assemble(text));
        Assert.DoesNotContain(".raw", text);
    }

    [Fact]
    public void Any_bytes_survive_disassemble_assemble()
    {
        // Random slots hit unknown opcodes and stray fields; those come back as .raw, so
        // whatever the bytes, the text assembles to them again.
        var slot = Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(8);
        var program = Gen.Choose(1, 6).SelectMany(n => slot.ArrayOf(n)).Select(slots => slots.SelectMany(s => s).ToArray());

        Prop.ForAll(program.ToArbitrary(), code => Assembler.Assemble(Disassembler.Disassemble(code)).SequenceEqual(code))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Jumps_get_labels_and_out_of_program_targets_stay_relative()
    {
        byte[] code = Assembler.Assemble("""
            jeq %r1, 0, done
            ja +5
            mov %r0, 1
            done:
            exit
            """);

        string text = Disassembler.Disassemble(code);

        Assert.Equal("jeq %r1, 0, L3\nja +5\nmov %r0, 1\nL3:\nexit\n", text);
    }
}
