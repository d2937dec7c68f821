using WasmBox.Nano.Bundle;
using WasmBox.Nano.Toolchain.Compiling;
using WasmBox.Nano.Toolchain.Tests.Support;

namespace WasmBox.Nano.Toolchain.Tests;

/// <summary>The `wbx build` pipeline: .c through clang, or .o directly, to an image that encodes and decodes.</summary>
public class FunctionBuilderTests
{
    private const string Source = """
        #include "limits.h"
        static unsigned long (*print)(const char *fmt, ...) = (void *)1;
        unsigned long run(unsigned long *ctx) { print("at %lu", ctx[0]); return ctx[0] > LIMIT ? SCALE * 2 : SCALE; }
        """;

    [SkippableFact]
    public void SourceIsCompiledWithIncludesAndDefinesLinkedAndVerified()
    {
        ExternalTools.RequireClang();
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("inc"));
        File.WriteAllText(dir.File("inc/limits.h"), "#define LIMIT 10\n");
        File.WriteAllText(dir.File("f.c"), Source);
        var request = new BuildRequest(dir.File("f.c"), null, new CompileOptions([dir.File("inc")], ["SCALE=21"]), dir.File("kept.o"));

        BuildResult result = FunctionBuilder.Build(request);

        Assert.StartsWith("Debian clang version", result.CompilerVersion ?? "", StringComparison.Ordinal);
        Assert.Equal([1], result.HelperIds);
        Assert.True(File.Exists(dir.File("kept.o")));
        byte[] encoded = ImageCodec.Encode(result.Image);
        FunctionImage? decoded = ImageCodec.Decode(encoded, 0, encoded.Length, out string? error);
        Assert.True(decoded != null, error);
        Assert.Equal(result.Image.Text, decoded.Text);
        Assert.Equal(result.Image.Rodata, decoded.Rodata);
        Assert.Equal("run", decoded.Entries[0].Name);
    }

    [SkippableFact]
    public void ObjectIsLinkedWithoutClang()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("f.o"), ObjectBytes.Compiled());
        BuildResult result = FunctionBuilder.Build(new BuildRequest(dir.File("f.o"), "twice", CompileOptions.Default, null));
        Assert.Null(result.CompilerVersion);
        Assert.Equal(["twice", "run"], result.Image.Entries.Select(e => e.Name));
    }

    [SkippableFact]
    public void CompilerErrorsAreReported()
    {
        ExternalTools.RequireClang();
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("bad.c"), "unsigned long run(unsigned long *ctx) { return ctx[0] +; }");
        var error = Assert.Throws<ToolchainException>(() => FunctionBuilder.Build(new BuildRequest(dir.File("bad.c"), null, CompileOptions.Default, null)));
        Assert.Contains("clang failed (exit 1)", error.Message);
        Assert.Contains("expected expression", error.Message);
    }

    [Fact]
    public void MissingFilesAreRefused()
    {
        Assert.Contains("file not found", Assert.Throws<ToolchainException>(
            () => FunctionBuilder.Build(new BuildRequest("/nonexistent/f.c", null, CompileOptions.Default, null))).Message);
    }

    [SkippableFact]
    public void InputIsRecognisedByContentNotByName()
    {
        ExternalTools.RequireClang();
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("object.bin"), ObjectBytes.Compiled());
        File.WriteAllText(dir.File("source.txt"), "unsigned long run(unsigned long *ctx) { return ctx[0] + 1; }");

        BuildResult linked = FunctionBuilder.Build(new BuildRequest(dir.File("object.bin"), null, CompileOptions.Default, null));
        BuildResult compiled = FunctionBuilder.Build(new BuildRequest(dir.File("source.txt"), null, CompileOptions.Default, null));

        Assert.Null(linked.CompilerVersion);
        Assert.NotNull(compiled.CompilerVersion);
        Assert.Equal("run", compiled.Image.Entries[0].Name);
    }
}
