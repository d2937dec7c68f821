using WasmBox.Nano.Bundle;
using WasmBox.Nano.Toolchain.Compiling;
using WasmBox.Nano.Toolchain.Linking;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Toolchain;

/// <summary>What to build: a .c or .o file, the entry to put first, clang options, and where to keep the object (null: nowhere).</summary>
public sealed record BuildRequest(string Input, string? Entry, CompileOptions Compile, string? KeepObjectPath);

/// <summary>A linked, structurally verified image and the helper ids its code calls.</summary>
public sealed record BuildResult(FunctionImage Image, IReadOnlyList<int> HelperIds, string? CompilerVersion);

/// <summary>The `wbx build` pipeline: compile (C source), link, verify.</summary>
public static class FunctionBuilder
{
    private static readonly byte[] ElfMagic = [0x7f, (byte)'E', (byte)'L', (byte)'F'];

    /// <summary>True when the file starts like an ELF object (anything else is taken for C source).</summary>
    public static bool IsObject(string path)
    {
        using FileStream file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(ElfMagic);
    }

    /// <summary>Builds from an ELF object or a C file, told apart by content, never by name.</summary>
    public static BuildResult Build(BuildRequest request)
    {
        if (!File.Exists(request.Input))
        {
            throw new ToolchainException("file not found: " + request.Input);
        }
        string? version = null;
        byte[] elf;
        if (!IsObject(request.Input))
        {
            version = ClangCompiler.Version();
            elf = CompileToObject(request);
        }
        else
        {
            elf = File.ReadAllBytes(request.Input);
        }
        FunctionImage image = Linker.Link(elf, request.Entry);
        return new BuildResult(image, VerifiedHelperIds(image), version);
    }

    /// <summary>Helper ids the text calls; throws when the VM's verifier refuses the text.</summary>
    public static int[] VerifiedHelperIds(FunctionImage image)
    {
        VerifyResult verdict = StructuralVerifier.Verify(image.Text);
        if (!verdict.Ok)
        {
            throw new ToolchainException("the linked code fails the VM verifier: " + verdict.Message);
        }
        return verdict.Program.HelperIds;
    }

    private static byte[] CompileToObject(BuildRequest request)
    {
        string work = Directory.CreateTempSubdirectory("wbx-build-").FullName;
        try
        {
            string objectPath = Path.Combine(work, Path.GetFileNameWithoutExtension(request.Input) + ".o");
            ClangCompiler.Compile(request.Input, objectPath, request.Compile);
            if (request.KeepObjectPath != null)
            {
                File.Copy(objectPath, request.KeepObjectPath, overwrite: true);
            }
            return File.ReadAllBytes(objectPath);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
