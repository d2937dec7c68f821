using System.Globalization;

namespace WasmBox.Nano.Asm;

/// <summary>Parses operands: registers, immediates, offsets and memory references.</summary>
internal static class Operands
{
    public const int MaxRegister = 10;

    public static byte Register(string text, int line)
    {
        if (text.Length >= 3 && text.StartsWith("%r", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            if (n > MaxRegister)
            {
                throw new AssemblyException(line, "register " + text + " does not exist (r0-r10)");
            }
            return (byte)n;
        }
        throw new AssemblyException(line, "expected a register like %r1, got '" + text + "'");
    }

    public static bool IsRegister(string text) => text.StartsWith('%');

    /// <summary>A 32-bit immediate: signed decimal, or hex (0x.., read as the unsigned bit pattern, or -0x..).</summary>
    public static int Imm32(string text, int line)
    {
        long value = Integer(text, line, "immediate");
        bool hex = IsHex(text);
        bool fits = hex && value >= 0 ? value <= uint.MaxValue : value is >= int.MinValue and <= int.MaxValue;
        if (!fits)
        {
            throw new AssemblyException(line, "immediate " + text + " does not fit in 32 bits");
        }
        return unchecked((int)(uint)value);
    }

    /// <summary>A 64-bit immediate: signed decimal, unsigned decimal or hex bit pattern.</summary>
    public static ulong Imm64(string text, int line)
    {
        var (negative, digits, style) = Split(text);
        if (!ulong.TryParse(digits, style, CultureInfo.InvariantCulture, out ulong magnitude))
        {
            throw new AssemblyException(line, "bad 64-bit immediate '" + text + "'");
        }
        if (negative && magnitude > 1UL << 63)
        {
            throw new AssemblyException(line, "immediate " + text + " does not fit in 64 bits");
        }
        return negative ? unchecked(0 - magnitude) : magnitude;
    }

    /// <summary>A signed 16-bit offset written with its sign, e.g. +4 or -8.</summary>
    public static short Offset16(string text, int line)
    {
        long value = Integer(text, line, "offset");
        if (value is < short.MinValue or > short.MaxValue)
        {
            throw new AssemblyException(line, "offset " + text + " is out of range (-32768..32767)");
        }
        return (short)value;
    }

    /// <summary>A signed 32-bit relative target written with its sign (ja32, call local).</summary>
    public static int Offset32(string text, int line)
    {
        long value = Integer(text, line, "offset");
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw new AssemblyException(line, "offset " + text + " is out of range for 32 bits");
        }
        return (int)value;
    }

    public static bool IsRelative(string text) => text.StartsWith('+') || text.StartsWith('-');

    /// <summary><c>[%rN]</c>, <c>[%rN+off]</c> or <c>[%rN-off]</c>.</summary>
    public static (byte Register, short Offset) Memory(string text, int line)
    {
        if (text.Length < 3 || text[0] != '[' || text[^1] != ']')
        {
            throw new AssemblyException(line, "expected a memory operand like [%r1+4], got '" + text + "'");
        }
        string inner = text[1..^1];
        int sign = inner.IndexOfAny(['+', '-']);
        if (sign < 0)
        {
            return (Register(inner, line), 0);
        }
        return (Register(inner[..sign], line), Offset16(inner[sign..], line));
    }

    private static long Integer(string text, int line, string what)
    {
        var (negative, digits, style) = Split(text);
        if (!long.TryParse(digits, style, CultureInfo.InvariantCulture, out long magnitude) || magnitude < 0)
        {
            throw new AssemblyException(line, "bad " + what + " '" + text + "'");
        }
        return negative ? -magnitude : magnitude;
    }

    private static bool IsHex(string text) => text.TrimStart('+', '-').StartsWith("0x", StringComparison.OrdinalIgnoreCase);

    private static (bool Negative, string Digits, NumberStyles Style) Split(string text)
    {
        bool negative = text.StartsWith('-');
        string unsigned = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        return IsHex(unsigned)
            ? (negative, unsigned[2..], NumberStyles.AllowHexSpecifier)
            : (negative, unsigned, NumberStyles.None);
    }
}
