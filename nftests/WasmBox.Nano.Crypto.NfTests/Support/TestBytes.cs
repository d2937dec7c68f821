namespace WasmBox.Nano.Crypto.NfTests
{
    /// <summary>
    /// Byte arrays for test vectors, written without System.Text (a separate nanoFramework
    /// package). The bundle suite links this file too, so each device assembly has its own copy.
    /// </summary>
    public static class TestBytes
    {
        /// <summary>Bytes of a hex string (two digits per byte, either case).</summary>
        public static byte[] FromHex(string hex)
        {
            if (hex.Length % 2 != 0)
            {
                throw new System.ArgumentException("odd number of hex digits: " + hex);
            }
            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[2 * i + 1]));
            }
            return bytes;
        }

        /// <summary>Bytes of an ASCII string.</summary>
        public static byte[] FromAscii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] > 0x7f)
                {
                    throw new System.ArgumentException("not ASCII: " + text);
                }
                bytes[i] = (byte)text[i];
            }
            return bytes;
        }

        /// <summary><paramref name="count"/> copies of <paramref name="value"/>.</summary>
        public static byte[] Repeat(byte value, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = value;
            }
            return bytes;
        }

        /// <summary>A copy of <paramref name="bytes"/> with the lowest bit of byte <paramref name="index"/> flipped.</summary>
        public static byte[] WithBitFlipped(byte[] bytes, int index)
        {
            byte[] copy = (byte[])bytes.Clone();
            copy[index] ^= 0x01;
            return copy;
        }

        /// <summary>A copy of <paramref name="bytes"/> with <paramref name="patch"/> written at <paramref name="offset"/>.</summary>
        public static byte[] WithPatch(byte[] bytes, int offset, byte[] patch)
        {
            byte[] copy = (byte[])bytes.Clone();
            System.Array.Copy(patch, 0, copy, offset, patch.Length);
            return copy;
        }

        private static int Nibble(char c)
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
            throw new System.ArgumentException("not a hex digit: " + c);
        }
    }
}
