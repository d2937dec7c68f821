namespace WasmBox.Nano.Cbor
{
    /// <summary>Why a <see cref="CborReader"/> stopped. The first error sticks.</summary>
    public enum CborError
    {
        None = 0,
        /// <summary>The input ends inside an item.</summary>
        Truncated,
        /// <summary>The next item is of another major type than the caller asked for.</summary>
        UnexpectedType,
        /// <summary>Indefinite lengths, reserved additional info, floats and simple values other than false/true/null.</summary>
        Unsupported,
        /// <summary>An integer or length is not in its shortest form (deterministic encoding, RFC 8949 §4.2).</summary>
        NotMinimal,
        /// <summary>A length, count or value exceeds the reader's limits or the caller's range.</summary>
        TooLarge,
        /// <summary>Nesting deeper than the reader allows.</summary>
        TooDeep,
        /// <summary>A text string is not valid UTF-8.</summary>
        BadText,
    }
}

namespace WasmBox.Nano.Cbor
{
    /// <summary>Text for <see cref="CborError"/> (nanoFramework's Enum.ToString prints numbers).</summary>
    public static class CborErrorText
    {
        public static string Describe(CborError error)
        {
            switch (error)
            {
                case CborError.None: return "no error";
                case CborError.Truncated: return "input ends inside an item";
                case CborError.UnexpectedType: return "unexpected item type";
                case CborError.Unsupported: return "unsupported encoding";
                case CborError.NotMinimal: return "non-shortest encoding";
                case CborError.TooLarge: return "item too large";
                case CborError.TooDeep: return "nesting too deep";
                case CborError.BadText: return "invalid UTF-8 text";
                default: return "unknown error";
            }
        }
    }
}
