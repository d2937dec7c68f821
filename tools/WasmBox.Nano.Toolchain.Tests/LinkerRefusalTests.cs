using WasmBox.Nano.Bundle;
using WasmBox.Nano.Toolchain.Linking;
using WasmBox.Nano.Toolchain.Tests.Support;

namespace WasmBox.Nano.Toolchain.Tests;

/// <summary>C that clang compiles but the image cannot hold is refused with an error naming what and why.</summary>
public class LinkerRefusalTests
{
    private static string Refused(string code, string expected, string? entry = null)
    {
        byte[] elf = CSource.CompileBpf(code);
        var error = Assert.Throws<ToolchainException>(() => Linker.Link(elf, entry));
        Assert.Contains(expected, error.Message);
        return error.Message;
    }

    private const string Run = "unsigned long run(unsigned long *ctx) { return ctx[0]; }\n";

    [SkippableFact]
    public void LegacyMapsSectionIsRefused() =>
        Refused("struct map { int type, key, value; };\n__attribute__((section(\"maps\"))) struct map counts = { 1, 4, 8 };\n" + Run,
            "BPF maps are not supported (section 'maps'); use the key-value helpers");

    [SkippableFact]
    public void BtfMapsSectionIsRefused() =>
        Refused("struct { int (*type)[2]; } counts __attribute__((section(\".maps\"), used));\n" + Run,
            "BPF maps are not supported (section '.maps')");

    [SkippableFact]
    public void CallToAnExternFunctionIsRefused() =>
        Refused("extern unsigned long ext(unsigned long);\nunsigned long run(unsigned long *ctx) { return ext(ctx[0]) + 1; }",
            "calls undefined function 'ext'; only functions defined in this file and helpers");

    [SkippableFact]
    public void ExternVariableIsRefused() =>
        Refused("extern unsigned long limit;\nunsigned long run(unsigned long *ctx) { return ctx[0] < limit; }",
            "refers to undefined symbol 'limit'");

    [SkippableFact]
    public void FunctionPointersAreRefused() =>
        Refused("__attribute__((noinline)) unsigned long one(unsigned long x) { return x; }\n"
            + "unsigned long (*volatile pick)(unsigned long) = one;\nunsigned long run(unsigned long *ctx) { return pick(ctx[0]); }",
            "takes the address of code ('one'); function pointers are not supported");

    [SkippableFact]
    public void SectionsThatCannotBePlacedAreRefused()
    {
        Refused("__attribute__((section(\".data.rel.ro\"))) unsigned long k = 3;\nunsigned long run(unsigned long *ctx) { return ctx[0] + k; }",
            "section '.data.rel.ro' (section");
        Refused("__attribute__((section(\"tenant_state\"))) unsigned long k = 3;\nunsigned long run(unsigned long *ctx) { return ctx[0] + k; }",
            "section 'tenant_state' (section 4) cannot be placed in the image");
    }

    [SkippableFact]
    public void RodataPastTheLimitIsRefused() =>
        Refused("const unsigned char big[40000] = { 1 };\nunsigned long run(unsigned long *ctx) { return big[ctx[0] % 40000]; }",
            "section '.rodata' (section 4) (40000 bytes) does not fit: the rodata would exceed the image limit of " + ImageCodec.MaxSectionBytes);

    [SkippableFact]
    public void DataPlusBssPastTheLimitIsRefused() =>
        Refused("unsigned char a[20000] = { 1 };\nunsigned char b[20000];\nunsigned long run(unsigned long *ctx) { a[ctx[0] % 20000]++; return b[ctx[1] % 20000]++; }",
            "data (20000 bytes) and bss (20000 bytes) together exceed the image limit of " + ImageCodec.MaxSectionBytes);

    [SkippableFact]
    public void TextPastTheLimitIsRefused() =>
        Refused("unsigned long run(unsigned long *ctx) { unsigned long x = ctx[0];\n#pragma clang loop unroll(full)\nfor (int i = 0; i < 3000; i++) x = x * 31 + ctx[i & 3];\nreturn x; }",
            "would exceed the image limit of " + ImageCodec.MaxTextBytes);

    [SkippableFact]
    public void TooManyGlobalFunctionsAreRefused() =>
        Refused(string.Concat(Enumerable.Range(0, ImageCodec.MaxEntries + 1).Select(i => "unsigned long f" + i + "(unsigned long *c) { return c[0] + " + i + "; }\n")),
            "the object has 9 global functions; an image holds at most 8 entry points (make helper functions static)");

    [SkippableFact]
    public void UnknownEntryIsRefused() =>
        Refused(Run, "entry 'start' is not a global function of the object; global functions: run", entry: "start");

    [SkippableFact]
    public void ObjectWithoutGlobalFunctionsIsRefused() =>
        Refused("static unsigned long run(unsigned long *ctx) { return ctx[0]; }\nunsigned long keep = 1;",
            "no code");

    [SkippableFact]
    public void MainIsTheDefaultEntry()
    {
        FunctionImage image = Linker.Link(CSource.CompileBpf(Run + "int main(void) { return 1; }"));
        Assert.Equal("main", image.Entries[0].Name);
        Assert.Equal("run", image.Entries[1].Name);
    }
}
