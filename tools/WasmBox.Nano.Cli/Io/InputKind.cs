using System.Text;
using WasmBox.Nano.Asm;
using WasmBox.Nano.Bundle;

namespace WasmBox.Nano.Cli.Io;

/// <summary>What a file holds, told from its bytes (never its name).</summary>
internal enum InputKind
{
    Elf,
    Image,
    Bundle,
    Bytecode,
    Hex,
    Assembly,
    CSource,
}

/// <summary>Recognises a file by content: ELF magic, a decodable function image, a bundle's CBOR head, text or raw bytecode.</summary>
internal static class InputRecognizer
{
    private static readonly byte[] ElfMagic = [0x7f, (byte)'E', (byte)'L', (byte)'F'];

    /// <summary>A bundle is a CBOR array of 2 holding a COSE_Sign1 (tag 18) first (BUNDLE-FORMAT.md).</summary>
    private static readonly byte[] BundleHead = [0x82, 0xd2];

    public static InputKind Recognize(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(ElfMagic))
            return InputKind.Elf;
        if (bytes.AsSpan().StartsWith(BundleHead))
            return InputKind.Bundle;
        if (ImageCodec.Decode(bytes, 0, bytes.Length, out _) is not null)
            return InputKind.Image;
        if (AsText(bytes) is string text)
            return TextKind(text);
        return InputKind.Bytecode;
    }

    public static string Describe(InputKind kind) => kind switch
    {
        InputKind.Elf => "an eBPF ELF object",
        InputKind.Image => "a function image",
        InputKind.Bundle => "a signed bundle",
        InputKind.Bytecode => "raw eBPF bytecode",
        InputKind.Hex => "hex bytecode",
        InputKind.CSource => "C source",
        _ => "eBPF assembly",
    };

    /// <summary>The program's bytecode for a bytecode, hex or assembly file; a <see cref="CliError"/> for the other kinds.</summary>
    public static byte[] ProgramBytes(string path, byte[] bytes, InputKind kind) => kind switch
    {
        InputKind.Bytecode => bytes,
        InputKind.Hex => HexBytes.Parse(Encoding.UTF8.GetString(bytes)),
        InputKind.Assembly => Assembler.Assemble(Encoding.UTF8.GetString(bytes)),
        _ => throw new CliError(path + " is " + Describe(kind) + ", not a program"),
    };

    private static InputKind TextKind(string text)
    {
        string trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(c => char.IsAsciiHexDigit(c) || char.IsWhiteSpace(c)))
            return InputKind.Hex;
        return LooksLikeC(trimmed) ? InputKind.CSource : InputKind.Assembly;
    }

    /// <summary>C has braces or preprocessor lines; eBPF assembly never does.</summary>
    private static bool LooksLikeC(string text) =>
        text.Contains('{') || text.Split('\n').Any(line => line.TrimStart().StartsWith("#include", StringComparison.Ordinal)
            || line.TrimStart().StartsWith("#define", StringComparison.Ordinal));

    private static string? AsText(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes.Any(b => b == 0 || (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t')))
            return null;
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
