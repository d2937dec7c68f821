namespace WasmBox.Nano.Crypto
{
    /// <summary>
    /// Arithmetic modulo the P-256 prime p = 2^256 - 2^224 + 2^192 + 2^96 - 1 on fully reduced
    /// values (0 &lt;= x &lt; p, <see cref="U256"/> layout). Products are reduced with the NIST
    /// (Solinas) identity for p, which needs only additions of the product's 32-bit words.
    /// It allocates nothing per operation; an instance holds the operation counters, so it is not thread-safe.
    /// Results may alias operands.
    /// </summary>
    internal sealed class P256Field
    {
        public static readonly uint[] P = new uint[]
        {
            0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0x00000000, 0x00000000, 0x00000000, 0x00000001, 0xFFFFFFFF,
        };

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

        // Multiply and Square scan the product column by column with every limb in a local: b's
        // limbs are split into 16-bit halves, so a column (at most eight 48-bit products per half)
        // sums in one ulong without carry checks. On the device's IL interpreter this needs about
        // half the IL of row-wise 32x32 products through a buffer; the columns go to Reduce as
        // arguments.

        /// <summary>result = a * b mod p.</summary>
        private static void Product(uint[] result, uint[] a, uint[] b)
        {
            ulong a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4], a5 = a[5], a6 = a[6], a7 = a[7];
            ulong l0 = b[0] & 0xFFFFu, l1 = b[1] & 0xFFFFu, l2 = b[2] & 0xFFFFu, l3 = b[3] & 0xFFFFu, l4 = b[4] & 0xFFFFu, l5 = b[5] & 0xFFFFu, l6 = b[6] & 0xFFFFu, l7 = b[7] & 0xFFFFu;
            ulong h0 = (b[0] >> 16) & 0xFFFFu, h1 = (b[1] >> 16) & 0xFFFFu, h2 = (b[2] >> 16) & 0xFFFFu, h3 = (b[3] >> 16) & 0xFFFFu, h4 = (b[4] >> 16) & 0xFFFFu, h5 = (b[5] >> 16) & 0xFFFFu, h6 = (b[6] >> 16) & 0xFFFFu, h7 = (b[7] >> 16) & 0xFFFFu;
            ulong lo, hi, c;
            c = a0 * l0;
            hi = a0 * h0;
            c += (hi & 0xFFFF) << 16;
            ulong w0 = c & 0xFFFFFFFF;
            lo = a0 * l1 + a1 * l0;
            c = (c >> 32) + (hi >> 16) + lo;
            hi = a0 * h1 + a1 * h0;
            c += (hi & 0xFFFF) << 16;
            ulong w1 = c & 0xFFFFFFFF;
            lo = a0 * l2 + a1 * l1 + a2 * l0;
            c = (c >> 32) + (hi >> 16) + lo;
            hi = a0 * h2 + a1 * h1 + a2 * h0;
            c += (hi & 0xFFFF) << 16;
            ulong w2 = c & 0xFFFFFFFF;
            lo = a0 * l3 + a1 * l2 + a2 * l1 + a3 * l0;
            c = (c >> 32) + (hi >> 16) + lo;
            hi = a0 * h3 + a1 * h2 + a2 * h1 + a3 * h0;
            c += (hi & 0xFFFF) << 16;
            ulong w3 = c & 0xFFFFFFFF;
            lo = a0 * l4 + a1 * l3 + a2 * l2 + a3 * l1 + a4 * l0;
            c = (c >> 32) + (hi >> 16) + lo;
            hi = a0 * h4 + a1 * h3 + a2 * h2 + a3 * h1 + a4 * h0;
            c += (hi & 0xFFFF) << 16;
            ulong w4 = c & 0xFFFFFFFF;
            lo = a0 * l5 + a1 * l4 + a2 * l3 + a3 * l2 + a4 * l1 + a5 * l0;
            c = (c >> 32) + (hi >> 16) + lo;
            hi = a0 * h5 + a1 * h4 + a2 * h3 + a3 * h2 + a4 * h1 + a5 * h0;
            c += (hi & 0xFFFF) << 16;
            ulong w5 = c & 0xFFFFFFFF;
            lo = a0 * l6 + a1 * l5 + a2 * l4 + a3 * l3 + a4 * l2 + a5 * l1 + a6 * l0;
            c = (c >> 32) + (hi >> 16) + lo;
            hi = a0 * h6 + a1 * h5 + a2 * h4 + a3 * h3 + a4 * h2 + a5 * h1 + a6 * h0;
            c += (hi & 0xFFFF) << 16;
            ulong w6 = c & 0xFFFFFFFF;
            lo = a0 * l7 + a1 * l6 + a2 * l5 + a3 * l4 + a4 * l3 + a5 * l2 + a6 * l1 + a7 * l0;
            c = (c >> 32) + (hi >> 16) + lo;
            hi = a0 * h7 + a1 * h6 + a2 * h5 + a3 * h4 + a4 * h3 + a5 * h2 + a6 * h1 + a7 * h0;
            c += (hi & 0xFFFF) << 16;
            ulong w7 = c & 0xFFFFFFFF;
            lo = a1 * l7 + a2 * l6 + a3 * l5 + a4 * l4 + a5 * l3 + a6 * l2 + a7 * l1;
            c = (c >> 32) + (hi >> 16) + lo;
            hi = a1 * h7 + a2 * h6 + a3 * h5 + a4 * h4 + a5 * h3 + a6 * h2 + a7 * h1;
            c += (hi & 0xFFFF) << 16;
            ulong w8 = c & 0xFFFFFFFF;
            lo = a2 * l7 + a3 * l6 + a4 * l5 + a5 * l4 + a6 * l3 + a7 * l2;
            c = (c >> 32) + (hi >> 16) + lo;
            hi = a2 * h7 + a3 * h6 + a4 * h5 + a5 * h4 + a6 * h3 + a7 * h2;
            c += (hi & 0xFFFF) << 16;
            ulong w9 = c & 0xFFFFFFFF;
            lo = a3 * l7 + a4 * l6 + a5 * l5 + a6 * l4 + a7 * l3;
            c = (c >> 32) + (hi >> 16) + lo;
            hi = a3 * h7 + a4 * h6 + a5 * h5 + a6 * h4 + a7 * h3;
            c += (hi & 0xFFFF) << 16;
            ulong w10 = c & 0xFFFFFFFF;
            lo = a4 * l7 + a5 * l6 + a6 * l5 + a7 * l4;
            c = (c >> 32) + (hi >> 16) + lo;
            hi = a4 * h7 + a5 * h6 + a6 * h5 + a7 * h4;
            c += (hi & 0xFFFF) << 16;
            ulong w11 = c & 0xFFFFFFFF;
            lo = a5 * l7 + a6 * l6 + a7 * l5;
            c = (c >> 32) + (hi >> 16) + lo;
            hi = a5 * h7 + a6 * h6 + a7 * h5;
            c += (hi & 0xFFFF) << 16;
            ulong w12 = c & 0xFFFFFFFF;
            lo = a6 * l7 + a7 * l6;
            c = (c >> 32) + (hi >> 16) + lo;
            hi = a6 * h7 + a7 * h6;
            c += (hi & 0xFFFF) << 16;
            ulong w13 = c & 0xFFFFFFFF;
            lo = a7 * l7;
            c = (c >> 32) + (hi >> 16) + lo;
            hi = a7 * h7;
            c += (hi & 0xFFFF) << 16;
            ulong w14 = c & 0xFFFFFFFF;
            ulong w15 = (c >> 32) + (hi >> 16);
            Reduce(result, (long)w0, (long)w1, (long)w2, (long)w3, (long)w4, (long)w5, (long)w6, (long)w7,
                (long)w8, (long)w9, (long)w10, (long)w11, (long)w12, (long)w13, (long)w14, (long)w15);
        }

        /// <summary>
        /// Counted apart from <see cref="Multiply"/> but computed by the same column product: a dedicated
        /// squaring (36 instead of 64 limb products) would be a near-copy of <see cref="Product"/>; not done.
        /// </summary>
        public void Square(uint[] result, uint[] a)
        {
            _counters.fieldSquarings++;
            Product(result, a, a);
        }

        public void Multiply(uint[] result, uint[] a, uint[] b)
        {
            _counters.fieldMultiplications++;
            Product(result, a, b);
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

        /// <summary>Reduces the 512-bit product with 32-bit words c0..c15 into result.</summary>
        private static void Reduce(uint[] result, long c0, long c1, long c2, long c3, long c4, long c5, long c6, long c7,
            long c8, long c9, long c10, long c11, long c12, long c13, long c14, long c15)
        {

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
