namespace WasmBox.Nano.Crypto
{
    /// <summary>
    /// Plain 256-bit unsigned integers as eight 32-bit limbs, least significant limb first.
    /// Results may alias operands.
    /// </summary>
    internal static class U256
    {
        public const int Limbs = 8;

        public static uint[] Create()
        {
            return new uint[Limbs];
        }

        /// <summary>Reads 32 big-endian bytes (SEC1 / P1363 order).</summary>
        public static void FromBigEndian(byte[] source, int offset, uint[] result)
        {
            for (int i = 0; i < Limbs; i++)
            {
                int p = offset + 4 * (Limbs - 1 - i);
                result[i] = ((uint)source[p] << 24) | ((uint)source[p + 1] << 16) | ((uint)source[p + 2] << 8) | source[p + 3];
            }
        }

        public static void Copy(uint[] destination, uint[] source)
        {
            for (int i = 0; i < Limbs; i++)
            {
                destination[i] = source[i];
            }
        }

        public static void SetSmall(uint[] result, uint value)
        {
            result[0] = value;
            for (int i = 1; i < Limbs; i++)
            {
                result[i] = 0;
            }
        }

        public static bool IsZero(uint[] a)
        {
            uint bits = 0;
            for (int i = 0; i < Limbs; i++)
            {
                bits |= a[i];
            }

            return bits == 0;
        }

        public static bool IsOne(uint[] a)
        {
            uint bits = a[0] ^ 1;
            for (int i = 1; i < Limbs; i++)
            {
                bits |= a[i];
            }

            return bits == 0;
        }

        /// <summary>Returns -1, 0 or 1 as a is less than, equal to or greater than b.</summary>
        public static int Compare(uint[] a, uint[] b)
        {
            for (int i = Limbs - 1; i >= 0; i--)
            {
                if (a[i] != b[i])
                {
                    return a[i] < b[i] ? -1 : 1;
                }
            }

            return 0;
        }

        /// <summary>result = a + b; returns the carry out (0 or 1).</summary>
        public static uint Add(uint[] result, uint[] a, uint[] b)
        {
            ulong carry = 0;
            for (int i = 0; i < Limbs; i++)
            {
                carry += (ulong)a[i] + b[i];
                result[i] = (uint)carry;
                carry >>= 32;
            }

            return (uint)carry;
        }

        /// <summary>result = a - b; returns the borrow out (0 or 1).</summary>
        public static uint Subtract(uint[] result, uint[] a, uint[] b)
        {
            long borrow = 0;
            for (int i = 0; i < Limbs; i++)
            {
                borrow += (long)a[i] - b[i];
                result[i] = (uint)borrow;
                borrow >>= 32;
            }

            return (uint)(-borrow);
        }

        /// <summary>Returns the 4-bit digit <paramref name="index"/> of a (digit 0 is least significant).</summary>
        public static int Nibble(uint[] a, int index)
        {
            return (int)((a[index >> 3] >> ((index & 7) * 4)) & 0xF);
        }
    }
}
