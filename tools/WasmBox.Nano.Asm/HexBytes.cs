using System.Globalization;
using System.Text;

namespace WasmBox.Nano.Asm;

/// <summary>Bytes as hex text: the form of conformance memory, plugin input and <c>wbx asm --hex</c>.</summary>
public static class HexBytes
{
    /// <summary>
    /// Parses whitespace-separated hex ("b7 01 00", as the conformance runner sends it) or
    /// runs of digit pairs ("b70100"); an optional 0x prefix per group is allowed.
    /// Throws <see cref="FormatException"/> on anything else.
    /// </summary>
    public static byte[] Parse(string text)
    {
        var bytes = new List<byte>();
        foreach (string group in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            string digits = group.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? group[2..] : group;
            if (digits.Length == 1)
            {
                digits = "0" + digits;
            }
            if (digits.Length == 0 || digits.Length % 2 != 0)
            {
                throw new FormatException("bad hex '" + group + "': expected pairs of hex digits");
            }
            for (int i = 0; i < digits.Length; i += 2)
            {
                if (!byte.TryParse(digits.AsSpan(i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte b))
                {
                    throw new FormatException("bad hex '" + group + "': '" + digits.Substring(i, 2) + "' is not a hex byte");
                }
                bytes.Add(b);
            }
        }
        return bytes.ToArray();
    }

    /// <summary>Space-separated lowercase pairs, <paramref name="perLine"/> bytes to a line (0: one line).</summary>
    public static string Format(ReadOnlySpan<byte> bytes, int perLine = 0)
    {
        var text = new StringBuilder(bytes.Length * 3);
        for (int i = 0; i < bytes.Length; i++)
        {
            if (i > 0)
            {
                text.Append(perLine > 0 && i % perLine == 0 ? '\n' : ' ');
            }
            text.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
