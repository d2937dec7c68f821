namespace WasmBox.Nano.Coap
{
    /// <summary>
    /// ASCII text to and from bytes. Resource paths, link attributes and query names are ASCII in this
    /// library, which keeps it free of the nanoFramework.System.Text dependency.
    /// </summary>
    public static class Ascii
    {
        /// <summary>Bytes of <paramref name="text"/>, or null when it has a character above 0x7F.</summary>
        public static byte[] GetBytes(string text)
        {
            var bytes = new byte[text.Length];
            return Write(text, bytes, 0) < 0 ? null : bytes;
        }

        /// <summary>Writes <paramref name="text"/> at <paramref name="offset"/>; returns its length, or -1 for non-ASCII text.</summary>
        public static int Write(string text, byte[] destination, int offset)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c > (char)0x7F) return -1;
                destination[offset + i] = (byte)c;
            }
            return text.Length;
        }

        /// <summary>Text of the bytes, or null when one is above 0x7F.</summary>
        public static string GetString(byte[] source, int offset, int length)
        {
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = source[offset + i];
                if (b > 0x7F) return null;
                chars[i] = (char)b;
            }
            return new string(chars);
        }
    }
}
