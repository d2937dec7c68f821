namespace WasmBox.Nano.Crypto
{
    /// <summary>
    /// Arithmetic modulo the P-256 prime p = 2^256 - 2^224 + 2^192 + 2^96 - 1 on fully reduced
    /// values (0 &lt;= x &lt; p, <see cref="U256"/> layout). Products are reduced with the NIST
    /// (Solinas) identity for p, which needs only additions of the product's 32-bit words.
    /// An instance owns a product buffer, so it allocates nothing per operation; not thread-safe.
    /// Results may alias operands.
    /// </summary>
    internal sealed class P256Field
    {
        public static readonly uint[] P = new uint[]
        {
            0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0x00000000, 0x00000000, 0x00000000, 0x00000001, 0xFFFFFFFF,
        };

        private readonly uint[] _product = new uint[2 * U256.Limbs];
        private readonly P256Counters _counters;

        public P256Field(P256Counters counters)
        {
            _counters = counters;
        }

        public static bool IsReduced(uint[] a)
        {
            return U256.Compare(a, P) < 0;
        }

        public static void Add(uint[] result, uint[] a, uint[] b)
        {
            uint carry = U256.Add(result, a, b);
            if (carry != 0 || U256.Compare(result, P) >= 0)
            {
                U256.Subtract(result, result, P);
            }
        }

        public static void Subtract(uint[] result, uint[] a, uint[] b)
        {
            if (U256.Subtract(result, a, b) != 0)
            {
                U256.Add(result, result, P);
            }
        }

        public void Multiply(uint[] result, uint[] a, uint[] b)
        {
            _counters.fieldMultiplications++;
            MultiplyToProduct(a, b);
            Reduce(result);
        }

        /// <summary>
        /// Counted apart from <see cref="Multiply"/> but computed by the same unrolled product: a
        /// dedicated squaring (half the products, more loop overhead) measured no faster on the host.
        /// </summary>
        public void Square(uint[] result, uint[] a)
        {
            _counters.fieldSquarings++;
            MultiplyToProduct(a, a);
            Reduce(result);
        }

        /// <summary>The 512-bit product a * b into the product buffer.</summary>
        private void MultiplyToProduct(uint[] a, uint[] b)
        {
            uint[] t = _product;
            for (int k = 0; k < U256.Limbs; k++)
            {
                t[k] = 0;
            }

            // b's limbs in locals and the inner loop unrolled: on the device's IL interpreter
            // this removes most of the array loads and loop overhead of the hottest code.
            uint b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4], b5 = b[5], b6 = b[6], b7 = b[7];
            for (int i = 0; i < U256.Limbs; i++)
            {
                ulong ai = a[i];
                ulong carry = ai * b0 + t[i];
                t[i] = (uint)carry;
                carry = (carry >> 32) + ai * b1 + t[i + 1];
                t[i + 1] = (uint)carry;
                carry = (carry >> 32) + ai * b2 + t[i + 2];
                t[i + 2] = (uint)carry;
                carry = (carry >> 32) + ai * b3 + t[i + 3];
                t[i + 3] = (uint)carry;
                carry = (carry >> 32) + ai * b4 + t[i + 4];
                t[i + 4] = (uint)carry;
                carry = (carry >> 32) + ai * b5 + t[i + 5];
                t[i + 5] = (uint)carry;
                carry = (carry >> 32) + ai * b6 + t[i + 6];
                t[i + 6] = (uint)carry;
                carry = (carry >> 32) + ai * b7 + t[i + 7];
                t[i + 7] = (uint)carry;
                t[i + 8] = (uint)(carry >> 32);
            }
        }

        /// <summary>result = a * small, for the small constants (2, 3, 4, 8) of the point formulas.</summary>
        public static void MultiplySmall(uint[] result, uint[] a, uint small)
        {
            ulong carry = 0;
            for (int i = 0; i < U256.Limbs; i++)
            {
                carry += (ulong)a[i] * small;
                result[i] = (uint)carry;
                carry >>= 32;
            }

            FoldCarry(result, (long)carry);
        }

        /// <summary>Reduces the 512-bit product buffer into result.</summary>
        private void Reduce(uint[] result)
        {
            uint[] t = _product;
            long c0 = t[0], c1 = t[1], c2 = t[2], c3 = t[3], c4 = t[4], c5 = t[5], c6 = t[6], c7 = t[7];
            long c8 = t[8], c9 = t[9], c10 = t[10], c11 = t[11], c12 = t[12], c13 = t[13], c14 = t[14], c15 = t[15];

            // NIST SP 800-186 / FIPS 186 fast reduction for p256:
            // T + 2*S1 + 2*S2 + S3 + S4 - D1 - D2 - D3 - D4, written out per 32-bit word.
            long carry = StoreWithCarry(result,
                c0 + c8 + c9 - c11 - c12 - c13 - c14,
                c1 + c9 + c10 - c12 - c13 - c14 - c15,
                c2 + c10 + c11 - c13 - c14 - c15,
                c3 + 2 * c11 + 2 * c12 + c13 - c15 - c8 - c9,
                c4 + 2 * c12 + 2 * c13 + c14 - c9 - c10,
                c5 + 2 * c13 + 2 * c14 + c15 - c10 - c11,
                c6 + 3 * c14 + 2 * c15 + c13 - c8 - c9,
                c7 + 3 * c15 + c8 - c10 - c11 - c12 - c13);

            FoldCarry(result, carry);
        }

        /// <summary>
        /// Reduces result + carry * 2^256 (carry a small signed number) below p, using that
        /// 2^256 is congruent to 2^224 - 2^192 - 2^96 + 1; each fold shrinks the carry.
        /// </summary>
        private static void FoldCarry(uint[] result, long carry)
        {
            while (carry != 0)
            {
                carry = StoreWithCarry(result, result[0] + carry, result[1], result[2], result[3] - carry,
                    result[4], result[5], result[6] - carry, result[7] + carry);
            }

            if (U256.Compare(result, P) >= 0)
            {
                U256.Subtract(result, result, P);
            }
        }

        /// <summary>Stores eight signed word sums with carry propagation; returns the signed carry out of the top word.</summary>
        private static long StoreWithCarry(uint[] result, long w0, long w1, long w2, long w3, long w4, long w5, long w6, long w7)
        {
            long carry = w0;
            result[0] = (uint)carry;
            carry = (carry >> 32) + w1;
            result[1] = (uint)carry;
            carry = (carry >> 32) + w2;
            result[2] = (uint)carry;
            carry = (carry >> 32) + w3;
            result[3] = (uint)carry;
            carry = (carry >> 32) + w4;
            result[4] = (uint)carry;
            carry = (carry >> 32) + w5;
            result[5] = (uint)carry;
            carry = (carry >> 32) + w6;
            result[6] = (uint)carry;
            carry = (carry >> 32) + w7;
            result[7] = (uint)carry;
            return carry >> 32;
        }
    }
}
