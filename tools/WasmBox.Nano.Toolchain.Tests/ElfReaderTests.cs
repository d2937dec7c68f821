using System.Buffers.Binary;
using WasmBox.Nano.Toolchain.Elf;
using WasmBox.Nano.Toolchain.Linking;
using WasmBox.Nano.Toolchain.Tests.Support;

namespace WasmBox.Nano.Toolchain.Tests;

/// <summary>
/// The ELF reader refuses malformed and foreign files with a <see cref="ToolchainException"/>
/// that names the problem: hand-made headers, and real clang objects with one field patched.
/// </summary>
public class ElfReaderTests
{
    private static byte[] Header(byte elfClass = 2, byte data = 1, ushort type = 1, ushort machine = 247)
    {
        byte[] header = new byte[64];
        header[0] = 0x7f;
        header[1] = (byte)'E';
        header[2] = (byte)'L';
        header[3] = (byte)'F';
        header[4] = elfClass;
        header[5] = data;
        header[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(16), type);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(18), machine);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(0x3a), 64);
        return header;
    }

    private static void Refused(byte[] file, string expected)
    {
        var error = Assert.Throws<ToolchainException>(() => Linker.Link(file));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void TextIsNotElf() => Refused("int main() {}"u8.ToArray(), "not an ELF file");

    [Fact]
    public void EmptyFileIsNotElf() => Refused([], "not an ELF file");

    [Fact]
    public void TruncatedHeaderIsRefused() => Refused(Header()[..40], "truncated ELF file: 40 bytes");

    [Fact]
    public void Elf32IsRefused() => Refused(Header(elfClass: 1), "ELF class 1 is not ELF64");

    [Fact]
    public void BigEndianIsRefused() => Refused(Header(data: 2), "big-endian ELF (bpfeb) is not supported");

    [Fact]
    public void OtherMachineIsRefused() => Refused(Header(machine: 62), "ELF machine is x86-64, not eBPF (EM_BPF, 247)");

    [Fact]
    public void ExecutableIsRefused() => Refused(Header(type: 2), "ELF file is an executable, not a relocatable object");

    [Fact]
    public void HeaderWithoutSectionsIsRefused() => Refused(Header(), "ELF file has no section headers");

    [Fact]
    public void SectionTableOutsideTheFileIsRefused()
    {
        byte[] file = Header();
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(0x28), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x3c), 3);
        Refused(file, "the section header table (3 entries at offset 64) runs past the end of the file (64 bytes)");
    }

    [SkippableFact]
    public void RealObjectIsRead()
    {
        var elf = ElfFile.Parse(ObjectBytes.Compiled());
        Assert.Contains(elf.Sections, s => s.Name == ".text" && s.IsExecutable);
        Assert.Contains(elf.Symbols, s => s.Name == "run" && s.IsFunction && s.IsGlobal);
        Assert.Contains(elf.RelocationSections, r => r.Section.Name == ".rel.text" && r.Target.Name == ".text" && r.Entries.Count > 0);
    }

    [SkippableFact]
    public void CutBeforeTheSectionTableIsRefused()
    {
        byte[] elf = ObjectBytes.Compiled();
        int table = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28));
        Refused(elf[..(table + 10)], "truncated ELF file: the section header table");
    }

    [SkippableFact]
    public void SectionOffsetPastTheFileIsRefused()
    {
        byte[] elf = ObjectBytes.Compiled();
        int header = ObjectBytes.SectionHeader(elf, ".text");
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(header + 0x18), (ulong)elf.Length - 4);
        Refused(elf, "section '.text' (section 2) at offset " + (elf.Length - 4) + " with");
    }

    [SkippableFact]
    public void SectionNameOutsideTheNameTableIsRefused()
    {
        byte[] elf = ObjectBytes.Compiled();
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(ObjectBytes.SectionHeader(elf, ".text")), 0xfffff);
        Refused(elf, "the name of section 2 (offset 1048575) lies outside string table");
    }

    [SkippableFact]
    public void UnknownRelocationTypeIsNamed()
    {
        byte[] elf = ObjectBytes.Compiled();
        int firstEntry = ObjectBytes.SectionContents(elf, ".rel.text");
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(firstEntry + 8), 77);
        Refused(elf, "unknown relocation type 77 at offset");
        Refused(elf, "of section '.text' (section 2)");
    }

    [SkippableFact]
    public void RelaSectionIsRefused()
    {
        byte[] elf = ObjectBytes.Compiled();
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(ObjectBytes.SectionHeader(elf, ".rel.text") + 4), 4);
        Refused(elf, "relocation section '.rel.text' (section 3) is SHT_RELA");
    }

    [SkippableFact]
    public void RelocationOfAnUnknownSymbolIsRefused()
    {
        byte[] elf = ObjectBytes.Compiled();
        int firstEntry = ObjectBytes.SectionContents(elf, ".rel.text");
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(firstEntry + 12), 5000);
        Refused(elf, "names symbol 5000, but the symbol table has");
    }

    [SkippableFact]
    public void BigEndianObjectFromClangIsRefused()
    {
        ExternalTools.RequireClang();
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("f.c"), ObjectBytes.Simple);
        ExternalTools.Run("clang", ["-target", "bpfeb", "-O2", "-c", dir.File("f.c"), "-o", dir.File("f.o")]);
        Refused(File.ReadAllBytes(dir.File("f.o")), "big-endian ELF (bpfeb) is not supported");
    }

    [SkippableFact]
    public void NativeObjectFromGccIsRefused()
    {
        ExternalTools.RequireGcc();
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("f.c"), ObjectBytes.Simple);
        ExternalTools.Run("gcc", ["-O2", "-c", dir.File("f.c"), "-o", dir.File("f.o")]);
        Refused(File.ReadAllBytes(dir.File("f.o")), "ELF machine is x86-64");
    }
}
