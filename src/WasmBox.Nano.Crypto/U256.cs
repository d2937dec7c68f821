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
            destination[0] = source[0];
            destination[1] = source[1];
            destination[2] = source[2];
            destination[3] = source[3];
            destination[4] = source[4];
            destination[5] = source[5];
            destination[6] = source[6];
            destination[7] = source[7];
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
            // The low word first: a point's Z (the infinity test of every doubling and addition) is
            // almost never zero there.
            if (a[0] != 0)
            {
                return false;
            }

            return (a[1] | a[2] | a[3] | a[4] | a[5] | a[6] | a[7]) == 0;
        }

        public static bool IsOne(uint[] a)
        {
            // The low word first: in the inversion loop it almost always decides alone.
            if (a[0] != 1)
            {
                return false;
            }

            return (a[1] | a[2] | a[3] | a[4] | a[5] | a[6] | a[7]) == 0;
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

        // Copy, Add and Subtract are straight-line: the binary inversion mod n and the point formulas
        // run them hundreds of times per verification, and a loop costs nanoCLR's interpreter several
        // IL instructions per limb.

        /// <summary>result = a + b; returns the carry out (0 or 1).</summary>
        public static uint Add(uint[] result, uint[] a, uint[] b)
        {
            ulong t = (ulong)a[0] + b[0];
            result[0] = (uint)t;
            t = (t >> 32) + a[1] + b[1];
            result[1] = (uint)t;
            t = (t >> 32) + a[2] + b[2];
            result[2] = (uint)t;
            t = (t >> 32) + a[3] + b[3];
            result[3] = (uint)t;
            t = (t >> 32) + a[4] + b[4];
            result[4] = (uint)t;
            t = (t >> 32) + a[5] + b[5];
            result[5] = (uint)t;
            t = (t >> 32) + a[6] + b[6];
            result[6] = (uint)t;
            t = (t >> 32) + a[7] + b[7];
            result[7] = (uint)t;
            return (uint)(t >> 32);
        }

        /// <summary>result = a - b; returns the borrow out (0 or 1).</summary>
        public static uint Subtract(uint[] result, uint[] a, uint[] b)
        {
            // a_i + (2^32 - 1 - b_i) + carry, carry = 1 - borrow: every sum is non-negative, so the
            // shifts are logical on nanoCLR whatever the stack tags.
            ulong t = (ulong)a[0] + (0xFFFFFFFFUL - b[0]) + 1;
            result[0] = (uint)t;
            t = (t >> 32) + a[1] + (0xFFFFFFFFUL - b[1]);
            result[1] = (uint)t;
            t = (t >> 32) + a[2] + (0xFFFFFFFFUL - b[2]);
            result[2] = (uint)t;
            t = (t >> 32) + a[3] + (0xFFFFFFFFUL - b[3]);
            result[3] = (uint)t;
            t = (t >> 32) + a[4] + (0xFFFFFFFFUL - b[4]);
            result[4] = (uint)t;
            t = (t >> 32) + a[5] + (0xFFFFFFFFUL - b[5]);
            result[5] = (uint)t;
            t = (t >> 32) + a[6] + (0xFFFFFFFFUL - b[6]);
            result[6] = (uint)t;
            t = (t >> 32) + a[7] + (0xFFFFFFFFUL - b[7]);
            result[7] = (uint)t;
            return 1 - (uint)(t >> 32);
        }

        /// <summary>Returns the 4-bit digit <paramref name="index"/> of a (digit 0 is least significant).</summary>
        public static int Nibble(uint[] a, int index)
        {
            return (int)((a[index >> 3] >> ((index & 7) * 4)) & 0xF);
        }
    }
}
