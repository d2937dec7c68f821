namespace WasmBox.Nano.Cbor
{
    /// <summary>
    /// Strict UTF-8 validation, decoding and encoding. nanoFramework's CoreLibrary has no
    /// System.Text.Encoding (it is a separate package), and CBOR text must be valid UTF-8.
    /// </summary>
    public static class Utf8
    {
        /// <summary>True when the bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).</summary>
        public static bool IsValid(byte[] b, int offset, int count)
        {
            int i = offset;
            int end = offset + count;
            while (i < end)
            {
                int c = b[i];
                int extra;
                int min;
                if (c < 0x80)
                {
                    i++;
                    continue;
                }
                if (c >= 0xc2 && c <= 0xdf)
                {
                    extra = 1;
                    min = 0x80;
                }
                else if (c >= 0xe0 && c <= 0xef)
                {
                    extra = 2;
                    min = 0x800;
                }
                else if (c >= 0xf0 && c <= 0xf4)
                {
                    extra = 3;
                    min = 0x10000;
                }
                else
                {
                    return false;
                }
                if (end - i - 1 < extra)
                {
                    return false;
                }
                int cp = c & (0x3f >> extra);
                for (int k = 1; k <= extra; k++)
                {
                    int cc = b[i + k];
                    if ((cc & 0xc0) != 0x80)
                    {
                        return false;
                    }
                    cp = (cp << 6) | (cc & 0x3f);
                }
                if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
                {
                    return false;
                }
                i += extra + 1;
            }
            return true;
        }

        /// <summary>Decodes bytes already checked by <see cref="IsValid"/>.</summary>
        public static string Decode(byte[] b, int offset, int count)
        {
            char[] chars = new char[count];
            int n = 0;
            int i = offset;
            int end = offset + count;
            while (i < end)
            {
                int c = b[i];
                int cp;
                if (c < 0x80)
                {
                    cp = c;
                    i++;
                }
                else if (c < 0xe0)
                {
                    cp = ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
                    i += 2;
                }
                else if (c < 0xf0)
                {
                    cp = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
                    i += 3;
                }
                else
                {
                    cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
                    i += 4;
                }
                if (cp >= 0x10000)
                {
                    // Four bytes never make more than two chars, so chars[] is always long enough.
                    cp -= 0x10000;
                    chars[n++] = (char)(0xd800 + (cp >> 10));
                    chars[n++] = (char)(0xdc00 + (cp & 0x3ff));
                }
                else
                {
                    chars[n++] = (char)cp;
                }
            }
            return new string(chars, 0, n);
        }

        /// <summary>Encodes a string; unpaired surrogates become U+FFFD.</summary>
        public static byte[] Encode(string s)
        {
            int length = 0;
            for (int i = 0; i < s.Length; i++)
            {
                int cp = CodePointAt(s, ref i);
                length += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            }
            byte[] bytes = new byte[length];
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                int cp = CodePointAt(s, ref i);
                if (cp < 0x80)
                {
                    bytes[n++] = (byte)cp;
                }
                else if (cp < 0x800)
                {
                    bytes[n++] = (byte)(0xc0 | (cp >> 6));
                    bytes[n++] = (byte)(0x80 | (cp & 0x3f));
                }
                else if (cp < 0x10000)
                {
                    bytes[n++] = (byte)(0xe0 | (cp >> 12));
                    bytes[n++] = (byte)(0x80 | ((cp >> 6) & 0x3f));
                    bytes[n++] = (byte)(0x80 | (cp & 0x3f));
                }
                else
                {
                    bytes[n++] = (byte)(0xf0 | (cp >> 18));
                    bytes[n++] = (byte)(0x80 | ((cp >> 12) & 0x3f));
                    bytes[n++] = (byte)(0x80 | ((cp >> 6) & 0x3f));
                    bytes[n++] = (byte)(0x80 | (cp & 0x3f));
                }
            }
            return bytes;
        }

        private static int CodePointAt(string s, ref int i)
        {
            int c = s[i];
            if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.Length && s[i + 1] >= 0xdc00 && s[i + 1] <= 0xdfff)
            {
                int low = s[i + 1];
                i++;
                return 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
            }
            return c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
        }
    }
}
