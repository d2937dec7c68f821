using WasmBox.Nano.Bundle;
using WasmBox.Nano.Toolchain;

namespace WasmBox.Nano.Cli.Io;

/// <summary>A file read whole, with what its content says it is.</summary>
internal sealed record LoadedInput(string Path, byte[] Bytes, InputKind Kind)
{
    /// <summary>True for the kinds that carry a whole function (ELF object, image, bundle), not bare bytecode.</summary>
    public bool IsFunction => Kind is InputKind.Elf or InputKind.Image or InputKind.Bundle;
}

/// <summary>Reads programs and functions by content (<see cref="InputRecognizer"/>), whatever the file is called.</summary>
internal static class ProgramFile
{
    public static LoadedInput Read(string path)
    {
        byte[] bytes = InputFile.ReadBytes(path);
        return new LoadedInput(path, bytes, InputRecognizer.Recognize(bytes));
    }

    /// <summary>The eBPF bytecode to verify or run: the program itself, or the text of the function's image.</summary>
    public static byte[] Code(LoadedInput input) =>
        input.IsFunction ? ImageOf(input).Text : InputRecognizer.ProgramBytes(input.Path, input.Bytes, input.Kind);

    /// <summary>The function image an ELF object links to, an image file holds, or a bundle carries (signature not checked).</summary>
    public static FunctionImage ImageOf(LoadedInput input)
    {
        byte[] bytes = input.Bytes;
        switch (input.Kind)
        {
            case InputKind.Image:
                return ImageCodec.Decode(bytes, 0, bytes.Length, out _)!;
            case InputKind.Elf:
                try
                {
                    return WasmBox.Nano.Toolchain.Linking.Linker.Link(bytes);
                }
                catch (ToolchainException e)
                {
                    throw new CliError(input.Path + ": " + e.Message);
                }
            case InputKind.Bundle:
                ParsedBundle parsed = BundleReader.Parse(bytes, 0, bytes.Length, out BundleError error, out string detail)
                    ?? throw new CliError(input.Path + " is not a readable bundle: " + BundleErrorText.Name(error) + ": " + detail);
                return BundleReader.OpenImage(parsed, out error, out detail)
                    ?? throw new CliError(input.Path + ": the bundle's image is unreadable: " + BundleErrorText.Name(error) + ": " + detail);
            default:
                throw new CliError(input.Path + " is " + InputRecognizer.Describe(input.Kind) + ", not a function");
        }
    }
}

/// <summary>File reads that fail with a clear message instead of an exception trace.</summary>
internal static class InputFile
{
    public static string ReadText(string path)
    {
        RequireExists(path);
        return File.ReadAllText(path);
    }

    public static byte[] ReadBytes(string path)
    {
        RequireExists(path);
        return File.ReadAllBytes(path);
    }

    private static void RequireExists(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliError(Directory.Exists(path) ? path + " is a directory, not a file" : "file not found: " + path);
        }
    }
}
