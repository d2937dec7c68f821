using WasmBox.Nano.Asm;

namespace WasmBox.Nano.Cli.Io;

/// <summary>Reads a program by its file extension: .bin is raw bytecode, .hex hex text, anything else assembly.</summary>
internal static class ProgramFile
{
    public static byte[] Load(string path, bool hex = false)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (hex || extension == ".hex")
        {
            return HexBytes.Parse(InputFile.ReadText(path));
        }
        return extension == ".bin" ? InputFile.ReadBytes(path) : Assembler.Assemble(InputFile.ReadText(path));
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
