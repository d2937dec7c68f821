using System.Globalization;
using WasmBox.Nano.Asm;

namespace WasmBox.Nano.Conformance;

/// <summary>
/// Reads the bpf_conformance <c>.data</c> format: sections start with <c>-- NAME</c> (asm, raw,
/// mem, result, error; "no register offset" and "c" are informational) and <c>#</c> starts a comment.
/// </summary>
public static class DataFileParser
{
    public static ConformanceCase Load(string path) =>
        Parse(System.IO.Path.GetFileNameWithoutExtension(path), path, File.ReadAllText(path));

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the line.</summary>
    public static ConformanceCase Parse(string name, string path, string text)
    {
        var asm = new List<string>();
        var raw = new List<string>();
        var memory = new List<string>();
        string? result = null;
        string? error = null;
        string section = "";
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            int comment = line.IndexOf('#');
            string content = (comment >= 0 ? line[..comment] : line).Trim();
            bool header = content.StartsWith("--", StringComparison.Ordinal);
            // The assembly keeps one entry per file line so that errors report file line numbers.
            asm.Add(section == "asm" && !header ? line : "");
            if (header)
            {
                section = content[2..].Trim();
                if (section is not ("asm" or "raw" or "mem" or "result" or "error" or "no register offset" or "c"))
                {
                    throw new FormatException(path + ":" + (i + 1) + ": unknown section '" + content + "'");
                }
                continue;
            }
            if (content.Length == 0)
            {
                continue;
            }
            switch (section)
            {
                case "raw": raw.Add(content); break;
                case "mem": memory.Add(content); break;
                case "result": result = content; break;
                case "error": error = content; break;
            }
        }
        if (result is null && error is null)
        {
            throw new FormatException(path + ": no '-- result' or '-- error' section");
        }
        return new ConformanceCase(name, path, string.Join('\n', asm), raw.Count > 0 ? ParseRaw(raw, path) : null,
            HexBytes.Parse(string.Join(' ', memory)), result is null ? 0 : ParseNumber(result, "result", path), error);
    }

    /// <summary>A 64-bit value as the corpus writes it: 0x-prefixed hex or decimal.</summary>
    private static ulong ParseNumber(string text, string what, string path)
    {
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (ulong.TryParse(hex ? text[2..] : text, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None,
                CultureInfo.InvariantCulture, out ulong value))
        {
            return value;
        }
        throw new FormatException(path + ": bad " + what + " '" + text + "'");
    }

    private static byte[] ParseRaw(List<string> lines, string path)
    {
        var slots = new List<Instruction>();
        foreach (string word in lines.SelectMany(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
        {
            slots.Add(Instruction.FromRaw(ParseNumber(word, "raw instruction", path)));
        }
        return Instruction.ToBytes(slots);
    }
}
