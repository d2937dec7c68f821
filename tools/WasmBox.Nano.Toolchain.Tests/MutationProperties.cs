using WasmBox.Nano.TestSupport;
using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Toolchain.Elf;
using WasmBox.Nano.Toolchain.Linking;
using WasmBox.Nano.Toolchain.Tests.Support;
using Xunit.Abstractions;

namespace WasmBox.Nano.Toolchain.Tests;

/// <summary>
/// A real clang object with one byte changed either links (and the result verifies and encodes
/// without throwing) or is refused with a <see cref="ToolchainException"/>; no other exception,
/// and every case ends (the reader's loops are bounded by the file's size).
/// </summary>
public class MutationProperties(ITestOutputHelper output)
{
    private const int Cases = 5000;

    private int _linked;
    private int _refused;

    [SkippableFact]
    public void ByteChangesAnywhereNeverEscapeAsOtherExceptions()
    {
        byte[] original = ObjectBytes.Compiled();
        PropertyRunner.Check(Mutations(Gen.Choose(0, original.Length - 1)), Cases, 0x0E1F_0001, m => LinkMutated(original, m));
        Report(minimumOfEach: 200);
    }

    [SkippableFact]
    public void ByteChangesInHeadersAndTablesNeverEscapeAsOtherExceptions()
    {
        byte[] original = ObjectBytes.Compiled();
        int[] structural = StructuralOffsets(original);
        PropertyRunner.Check(Mutations(Gen.Elements(structural)), Cases, 0x0E1F_0002, m => LinkMutated(original, m));
        Report(minimumOfEach: 200);
    }

    private static Gen<(int Offset, byte Value)> Mutations(Gen<int> offsets) =>
        from offset in offsets
        from value in Gen.Choose(0, 255)
        select (offset, (byte)value);

    private void LinkMutated(byte[] original, (int Offset, byte Value) mutation)
    {
        byte[] elf = (byte[])original.Clone();
        elf[mutation.Offset] = mutation.Value;
        FunctionImage image;
        try
        {
            image = Linker.Link(elf);
        }
        catch (ToolchainException)
        {
            _refused++;
            return;
        }
        _linked++;
        StructuralVerifier.Verify(image.Text);
        ImageCodec.Encode(image);
    }

    private void Report(int minimumOfEach)
    {
        output.WriteLine(_linked + " linked, " + _refused + " refused");
        Assert.True(_linked >= minimumOfEach, "only " + _linked + " mutated objects linked");
        Assert.True(_refused >= minimumOfEach, "only " + _refused + " mutated objects were refused");
    }

    /// <summary>Offsets of the ELF header, the section header table, the symbol table and the relocations.</summary>
    private static int[] StructuralOffsets(byte[] elf)
    {
        var offsets = new List<int>(Enumerable.Range(0, 64));
        int table = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28));
        int count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3c));
        offsets.AddRange(Enumerable.Range(table, count * 64));
        foreach (ElfSection section in ElfFile.Parse(elf).Sections.Where(s => s.Type is 2 or 9))
        {
            offsets.AddRange(Enumerable.Range(ObjectBytes.SectionContents(elf, section.Name), (int)section.Size));
        }
        return [.. offsets];
    }
}
