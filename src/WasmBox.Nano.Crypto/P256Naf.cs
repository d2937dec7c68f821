namespace WasmBox.Nano.Crypto
{
    /// <summary>
    /// Width-w non-adjacent form of a scalar below 2^256: k = sum of digits[i] * 2^i with every digit
    /// 0 or odd and below 2^(w-1) in magnitude, and at most one nonzero digit in any w consecutive
    /// ones. A scalar multiplication then needs one addition per nonzero digit (about 256 / (w + 1))
    /// from a table of the odd multiples 1, 3, ..., 2^(w-1) - 1, and negatives cost nothing extra.
    /// </summary>
    internal static class P256Naf
    {
        /// <summary>Digits of a 256-bit scalar: the form can be one digit longer than the binary one.</summary>
        public const int Length = 257;

        /// <summary>Writes the width-<paramref name="width"/> NAF of k (2 &lt;= width &lt;= 8) into digits[0..Length).</summary>
        public static void Recode(uint[] k, int width, sbyte[] digits)
        {
            int window = 1 << width;
            int half = window >> 1;

            // carry is what the digits written so far took from the bits above them (0 or 1):
            // the part of k left to encode is (k >> i) + carry.
            int carry = 0;
            int i = 0;
            while (i < Length)
            {
                int u = Bits(k, i, width) + carry;
                if ((u & 1) == 0)
                {
                    // An even remainder: digit 0; (bit + carry) / 2 equals carry here.
                    digits[i] = 0;
                    i++;
                    continue;
                }

                // u is odd: take the digit u mod 2^w in (-half, half); what remains is a multiple of 2^w.
                int digit = u < half ? u : u - window;
                carry = u < half ? 0 : 1;
                digits[i] = (sbyte)digit;
                int end = i + width < Length ? i + width : Length;
                for (i++; i < end; i++)
                {
                    digits[i] = 0;
                }
            }
        }

        /// <summary>Bits i .. i + width - 1 of k as a number (bits at 256 and above are 0).</summary>
        private static int Bits(uint[] k, int i, int width)
        {
            int limb = i >> 5;
            if (limb >= U256.Limbs)
            {
                return 0;
            }

            int shift = i & 31;
            uint value = k[limb] >> shift;
            if (shift + width > 32 && limb + 1 < U256.Limbs)
            {
                value |= k[limb + 1] << (32 - shift);
            }

            return (int)(value & (uint)((1 << width) - 1));
        }
    }
}
