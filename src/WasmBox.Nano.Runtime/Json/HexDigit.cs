namespace WasmBox.Nano.Runtime.Json
{
    /// <summary>One hexadecimal digit, either case; shared by the JSON reader's \u escapes and hex-encoded keys.</summary>
    public static class HexDigit
    {
        /// <summary>The digit's value 0..15, or -1 when <paramref name="c"/> is not a hex digit.</summary>
        public static int ValueOf(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }
            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }
            return -1;
        }
    }
}
