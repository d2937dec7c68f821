namespace WasmBox.Nano.Crypto
{
    /// <summary>
    /// Arithmetic modulo the P-256 prime p = 2^256 - 2^224 + 2^192 + 2^96 - 1 on fully reduced
    /// values (0 &lt;= x &lt; p, <see cref="U256"/> layout). Products are reduced with the NIST
    /// (Solinas) identity for p, which needs only additions of the product's 32-bit words.
    /// Every operation is straight-line code on locals that ends in one shared normalisation (a plain
    /// subtraction needs none), because the device's IL interpreter pays for each loop step, array
    /// access and call.
    /// It allocates nothing per operation; an instance holds the operation counters, so it is not thread-safe.
    /// Results may alias operands.
    /// </summary>
    internal sealed class P256Field
    {
        public static readonly uint[] P = new uint[]
        {
            0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0x00000000, 0x00000000, 0x00000000, 0x00000001, 0xFFFFFFFF,
        };

        private const ulong Mask = 0xFFFFFFFF;

        private static readonly uint[] Zero = U256.Create();

        private readonly P256Counters _counters;

        public P256Field(P256Counters counters)
        {
            _counters = counters;
        }

        public static bool IsReduced(uint[] a)
        {
            return U256.Compare(a, P) < 0;
        }

        // Every sum below is a ulong kept non-negative and below 2^63, so the logical shifts that
        // propagate carries are right whatever signedness nanoCLR's stack tags give the value
        // (../shared/nanoclr/README.md), and there are no loops or array round trips to pay for.
        // Low words are taken by conversion, (uint)t and (ushort)h, one IL instruction fewer than
        // t & 0xFFFFFFFF (a 64-bit constant is a load and a widening); both zero-extend on nanoCLR too.

        /// <summary>result = a + b mod p.</summary>
        public static void Add(uint[] result, uint[] a, uint[] b)
        {
            ulong t = (ulong)a[0] + b[0];
            ulong v0 = (uint)t;
            t = (t >> 32) + a[1] + b[1];
            ulong v1 = (uint)t;
            t = (t >> 32) + a[2] + b[2];
            ulong v2 = (uint)t;
            t = (t >> 32) + a[3] + b[3];
            ulong v3 = (uint)t;
            t = (t >> 32) + a[4] + b[4];
            ulong v4 = (uint)t;
            t = (t >> 32) + a[5] + b[5];
            ulong v5 = (uint)t;
            t = (t >> 32) + a[6] + b[6];
            ulong v6 = (uint)t;
            t = (t >> 32) + a[7] + b[7];
            Normalize(result, v0, v1, v2, v3, v4, v5, v6, (uint)t, t >> 32);
        }

        /// <summary>
        /// result = k * (a + b) / 2 mod p (k small: the 3 of the doubling's alpha / 2, which spares the
        /// doubling a pass for 2 * Y * Z). The sum gets p added when it is odd (m = 1), in the same pass,
        /// and each word is shifted down as soon as the low bit of the word above is known.
        /// </summary>
        public static void AddHalf(uint[] result, uint[] a, uint[] b, ulong k)
        {
            ulong t = k * ((ulong)a[0] + b[0]);
            ulong m = t & 1;
            t += m * 0xFFFFFFFFUL;
            ulong w = (uint)t;
            t = (t >> 32) + k * ((ulong)a[1] + b[1]) + m * 0xFFFFFFFFUL;
            ulong v0 = (w >> 1) | ((t & 1) << 31);
            w = (uint)t;
            t = (t >> 32) + k * ((ulong)a[2] + b[2]) + m * 0xFFFFFFFFUL;
            ulong v1 = (w >> 1) | ((t & 1) << 31);
            w = (uint)t;
            t = (t >> 32) + k * ((ulong)a[3] + b[3]);
            ulong v2 = (w >> 1) | ((t & 1) << 31);
            w = (uint)t;
            t = (t >> 32) + k * ((ulong)a[4] + b[4]);
            ulong v3 = (w >> 1) | ((t & 1) << 31);
            w = (uint)t;
            t = (t >> 32) + k * ((ulong)a[5] + b[5]);
            ulong v4 = (w >> 1) | ((t & 1) << 31);
            w = (uint)t;
            t = (t >> 32) + k * ((ulong)a[6] + b[6]) + m;
            ulong v5 = (w >> 1) | ((t & 1) << 31);
            w = (uint)t;
            t = (t >> 32) + k * ((ulong)a[7] + b[7]) + m * 0xFFFFFFFFUL;
            ulong v6 = (w >> 1) | ((t & 1) << 31);
            w = (uint)t;
            t >>= 32;
            Normalize(result, v0, v1, v2, v3, v4, v5, v6, (w >> 1) | ((t & 1) << 31), t >> 1);
        }

        /// <summary>
        /// result = a - b mod p: the difference with its borrow, and p added back only when it borrowed
        /// (with both operands below p nothing else is left to reduce). Cheaper than
        /// <see cref="SubtractMultiple"/> with k = 1, which always folds a carry in <see cref="Normalize"/>.
        /// </summary>
        public static void Subtract(uint[] result, uint[] a, uint[] b)
        {
            // a + (2^32 - 1 - b[i]) per word, plus 1 = a - b + 2^256: the top carry is 0 only when a < b.
            ulong t = a[0] + (0xFFFFFFFFUL - b[0]) + 1;
            ulong v0 = (uint)t;
            t = (t >> 32) + a[1] + (0xFFFFFFFFUL - b[1]);
            ulong v1 = (uint)t;
            t = (t >> 32) + a[2] + (0xFFFFFFFFUL - b[2]);
            ulong v2 = (uint)t;
            t = (t >> 32) + a[3] + (0xFFFFFFFFUL - b[3]);
            ulong v3 = (uint)t;
            t = (t >> 32) + a[4] + (0xFFFFFFFFUL - b[4]);
            ulong v4 = (uint)t;
            t = (t >> 32) + a[5] + (0xFFFFFFFFUL - b[5]);
            ulong v5 = (uint)t;
            t = (t >> 32) + a[6] + (0xFFFFFFFFUL - b[6]);
            ulong v6 = (uint)t;
            t = (t >> 32) + a[7] + (0xFFFFFFFFUL - b[7]);
            ulong v7 = (uint)t;
            if ((t >> 32) == 0)
            {
                // The words hold a - b + 2^256: adding p and dropping the carry past 2^256 leaves a - b + p.
                t = v0 + 0xFFFFFFFFUL;
                v0 = (uint)t;
                t = (t >> 32) + v1 + 0xFFFFFFFFUL;
                v1 = (uint)t;
                t = (t >> 32) + v2 + 0xFFFFFFFFUL;
                v2 = (uint)t;
                t = (t >> 32) + v3;
                v3 = (uint)t;
                t = (t >> 32) + v4;
                v4 = (uint)t;
                t = (t >> 32) + v5;
                v5 = (uint)t;
                t = (t >> 32) + v6 + 1;
                v6 = (uint)t;
                v7 = (uint)((t >> 32) + v7 + 0xFFFFFFFFUL);
            }

            result[0] = (uint)v0;
            result[1] = (uint)v1;
            result[2] = (uint)v2;
            result[3] = (uint)v3;
            result[4] = (uint)v4;
            result[5] = (uint)v5;
            result[6] = (uint)v6;
            result[7] = (uint)v7;
        }

        /// <summary>
        /// result = a - k * b mod p (k small: the 2, 4 and 8 of the point formulas, saving a separate
        /// multiplication pass), computed as a + k * (p - b) with p's words redistributed so no word goes negative.
        /// </summary>
        public static void SubtractMultiple(uint[] result, uint[] a, uint[] b, ulong k)
        {
            // p = sum of these words * 2^(32 i): each word lent 1 to the one below (2^32 there), so
            // word - b[i] >= 0; the top word cannot go negative because a + k * (p - b) > 0 for b < p.
            ulong t = a[0] + k * (0x1FFFFFFFFUL - b[0]);
            ulong v0 = (uint)t;
            t = (t >> 32) + a[1] + k * (0x1FFFFFFFEUL - b[1]);
            ulong v1 = (uint)t;
            t = (t >> 32) + a[2] + k * (0x1FFFFFFFEUL - b[2]);
            ulong v2 = (uint)t;
            t = (t >> 32) + a[3] + k * (0xFFFFFFFFUL - b[3]);
            ulong v3 = (uint)t;
            t = (t >> 32) + a[4] + k * (0xFFFFFFFFUL - b[4]);
            ulong v4 = (uint)t;
            t = (t >> 32) + a[5] + k * (0xFFFFFFFFUL - b[5]);
            ulong v5 = (uint)t;
            t = (t >> 32) + a[6] + k * (0x100000000UL - b[6]);
            ulong v6 = (uint)t;
            t = (t >> 32) + a[7] + k * (0xFFFFFFFEUL - b[7]);
            Normalize(result, v0, v1, v2, v3, v4, v5, v6, (uint)t, t >> 32);
        }

        /// <summary>result = -a mod p.</summary>
        public static void Negate(uint[] result, uint[] a)
        {
            Subtract(result, Zero, a);
        }

        // Multiply and Square scan the product column by column with every limb in a local: the second
        // factor's limbs are split into 16-bit halves, so a column (at most eight 48-bit products per
        // half) sums in one ulong without carry checks. On the device's IL interpreter this needs about
        // half the IL of row-wise 32x32 products through a buffer. Both end in one call to Reduce.

        /// <summary>result = a * b mod p.</summary>
        public void Multiply(uint[] result, uint[] a, uint[] b)
        {
            _counters.fieldMultiplications++;
            ulong a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4], a5 = a[5], a6 = a[6], a7 = a[7];
            // b[i] read once: its low half is taken in place after the high half is shifted out.
            ulong l0 = b[0], l1 = b[1], l2 = b[2], l3 = b[3], l4 = b[4], l5 = b[5], l6 = b[6], l7 = b[7];
            ulong h0 = l0 >> 16, h1 = l1 >> 16, h2 = l2 >> 16, h3 = l3 >> 16, h4 = l4 >> 16, h5 = l5 >> 16, h6 = l6 >> 16, h7 = l7 >> 16;
            l0 = (ushort)l0; l1 = (ushort)l1; l2 = (ushort)l2; l3 = (ushort)l3; l4 = (ushort)l4; l5 = (ushort)l5; l6 = (ushort)l6; l7 = (ushort)l7;
            ulong c = a0 * l0;
            ulong hi = a0 * h0;
            c += (ulong)(ushort)hi << 16;
            ulong w0 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a0 * l1 + a1 * l0;
            hi = a0 * h1 + a1 * h0;
            c += (ulong)(ushort)hi << 16;
            ulong w1 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a0 * l2 + a1 * l1 + a2 * l0;
            hi = a0 * h2 + a1 * h1 + a2 * h0;
            c += (ulong)(ushort)hi << 16;
            ulong w2 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a0 * l3 + a1 * l2 + a2 * l1 + a3 * l0;
            hi = a0 * h3 + a1 * h2 + a2 * h1 + a3 * h0;
            c += (ulong)(ushort)hi << 16;
            ulong w3 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a0 * l4 + a1 * l3 + a2 * l2 + a3 * l1 + a4 * l0;
            hi = a0 * h4 + a1 * h3 + a2 * h2 + a3 * h1 + a4 * h0;
            c += (ulong)(ushort)hi << 16;
            ulong w4 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a0 * l5 + a1 * l4 + a2 * l3 + a3 * l2 + a4 * l1 + a5 * l0;
            hi = a0 * h5 + a1 * h4 + a2 * h3 + a3 * h2 + a4 * h1 + a5 * h0;
            c += (ulong)(ushort)hi << 16;
            ulong w5 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a0 * l6 + a1 * l5 + a2 * l4 + a3 * l3 + a4 * l2 + a5 * l1 + a6 * l0;
            hi = a0 * h6 + a1 * h5 + a2 * h4 + a3 * h3 + a4 * h2 + a5 * h1 + a6 * h0;
            c += (ulong)(ushort)hi << 16;
            ulong w6 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a0 * l7 + a1 * l6 + a2 * l5 + a3 * l4 + a4 * l3 + a5 * l2 + a6 * l1 + a7 * l0;
            hi = a0 * h7 + a1 * h6 + a2 * h5 + a3 * h4 + a4 * h3 + a5 * h2 + a6 * h1 + a7 * h0;
            c += (ulong)(ushort)hi << 16;
            ulong w7 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a1 * l7 + a2 * l6 + a3 * l5 + a4 * l4 + a5 * l3 + a6 * l2 + a7 * l1;
            hi = a1 * h7 + a2 * h6 + a3 * h5 + a4 * h4 + a5 * h3 + a6 * h2 + a7 * h1;
            c += (ulong)(ushort)hi << 16;
            ulong w8 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a2 * l7 + a3 * l6 + a4 * l5 + a5 * l4 + a6 * l3 + a7 * l2;
            hi = a2 * h7 + a3 * h6 + a4 * h5 + a5 * h4 + a6 * h3 + a7 * h2;
            c += (ulong)(ushort)hi << 16;
            ulong w9 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a3 * l7 + a4 * l6 + a5 * l5 + a6 * l4 + a7 * l3;
            hi = a3 * h7 + a4 * h6 + a5 * h5 + a6 * h4 + a7 * h3;
            c += (ulong)(ushort)hi << 16;
            ulong w10 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a4 * l7 + a5 * l6 + a6 * l5 + a7 * l4;
            hi = a4 * h7 + a5 * h6 + a6 * h5 + a7 * h4;
            c += (ulong)(ushort)hi << 16;
            ulong w11 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a5 * l7 + a6 * l6 + a7 * l5;
            hi = a5 * h7 + a6 * h6 + a7 * h5;
            c += (ulong)(ushort)hi << 16;
            ulong w12 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a6 * l7 + a7 * l6;
            hi = a6 * h7 + a7 * h6;
            c += (ulong)(ushort)hi << 16;
            ulong w13 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a7 * l7;
            hi = a7 * h7;
            c += (ulong)(ushort)hi << 16;
            ulong w14 = (uint)c;
            ulong w15 = (c >> 32) + (hi >> 16);
            Reduce(result, w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11, w12, w13, w14, w15);
        }

        /// <summary>
        /// result = a^2 mod p: each cross product a_i * a_j (i &lt; j) once, by the doubled limb
        /// d_i = 2 a_i (36 products per half instead of 64; a column stays as small as in Multiply).
        /// </summary>
        public void Square(uint[] result, uint[] a)
        {
            _counters.fieldSquarings++;
            ulong a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4], a5 = a[5], a6 = a[6], a7 = a[7];
            ulong d0 = a0 << 1, d1 = a1 << 1, d2 = a2 << 1, d3 = a3 << 1, d4 = a4 << 1, d5 = a5 << 1, d6 = a6 << 1;
            ulong l0 = (ushort)a0, l1 = (ushort)a1, l2 = (ushort)a2, l3 = (ushort)a3, l4 = (ushort)a4, l5 = (ushort)a5, l6 = (ushort)a6, l7 = (ushort)a7;
            ulong h0 = a0 >> 16, h1 = a1 >> 16, h2 = a2 >> 16, h3 = a3 >> 16, h4 = a4 >> 16, h5 = a5 >> 16, h6 = a6 >> 16, h7 = a7 >> 16;
            ulong c = a0 * l0;
            ulong hi = a0 * h0;
            c += (ulong)(ushort)hi << 16;
            ulong w0 = (uint)c;
            c = (c >> 32) + (hi >> 16) + d0 * l1;
            hi = d0 * h1;
            c += (ulong)(ushort)hi << 16;
            ulong w1 = (uint)c;
            c = (c >> 32) + (hi >> 16) + d0 * l2 + a1 * l1;
            hi = d0 * h2 + a1 * h1;
            c += (ulong)(ushort)hi << 16;
            ulong w2 = (uint)c;
            c = (c >> 32) + (hi >> 16) + d0 * l3 + d1 * l2;
            hi = d0 * h3 + d1 * h2;
            c += (ulong)(ushort)hi << 16;
            ulong w3 = (uint)c;
            c = (c >> 32) + (hi >> 16) + d0 * l4 + d1 * l3 + a2 * l2;
            hi = d0 * h4 + d1 * h3 + a2 * h2;
            c += (ulong)(ushort)hi << 16;
            ulong w4 = (uint)c;
            c = (c >> 32) + (hi >> 16) + d0 * l5 + d1 * l4 + d2 * l3;
            hi = d0 * h5 + d1 * h4 + d2 * h3;
            c += (ulong)(ushort)hi << 16;
            ulong w5 = (uint)c;
            c = (c >> 32) + (hi >> 16) + d0 * l6 + d1 * l5 + d2 * l4 + a3 * l3;
            hi = d0 * h6 + d1 * h5 + d2 * h4 + a3 * h3;
            c += (ulong)(ushort)hi << 16;
            ulong w6 = (uint)c;
            c = (c >> 32) + (hi >> 16) + d0 * l7 + d1 * l6 + d2 * l5 + d3 * l4;
            hi = d0 * h7 + d1 * h6 + d2 * h5 + d3 * h4;
            c += (ulong)(ushort)hi << 16;
            ulong w7 = (uint)c;
            c = (c >> 32) + (hi >> 16) + d1 * l7 + d2 * l6 + d3 * l5 + a4 * l4;
            hi = d1 * h7 + d2 * h6 + d3 * h5 + a4 * h4;
            c += (ulong)(ushort)hi << 16;
            ulong w8 = (uint)c;
            c = (c >> 32) + (hi >> 16) + d2 * l7 + d3 * l6 + d4 * l5;
            hi = d2 * h7 + d3 * h6 + d4 * h5;
            c += (ulong)(ushort)hi << 16;
            ulong w9 = (uint)c;
            c = (c >> 32) + (hi >> 16) + d3 * l7 + d4 * l6 + a5 * l5;
            hi = d3 * h7 + d4 * h6 + a5 * h5;
            c += (ulong)(ushort)hi << 16;
            ulong w10 = (uint)c;
            c = (c >> 32) + (hi >> 16) + d4 * l7 + d5 * l6;
            hi = d4 * h7 + d5 * h6;
            c += (ulong)(ushort)hi << 16;
            ulong w11 = (uint)c;
            c = (c >> 32) + (hi >> 16) + d5 * l7 + a6 * l6;
            hi = d5 * h7 + a6 * h6;
            c += (ulong)(ushort)hi << 16;
            ulong w12 = (uint)c;
            c = (c >> 32) + (hi >> 16) + d6 * l7;
            hi = d6 * h7;
            c += (ulong)(ushort)hi << 16;
            ulong w13 = (uint)c;
            c = (c >> 32) + (hi >> 16) + a7 * l7;
            hi = a7 * h7;
            c += (ulong)(ushort)hi << 16;
            ulong w14 = (uint)c;
            ulong w15 = (c >> 32) + (hi >> 16);
            Reduce(result, w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11, w12, w13, w14, w15);
        }

        /// <summary>Stores w (sixteen 32-bit words, w15 below 2^32) reduced mod p.</summary>
        private static void Reduce(uint[] result, ulong w0, ulong w1, ulong w2, ulong w3, ulong w4, ulong w5, ulong w6, ulong w7,
            ulong w8, ulong w9, ulong w10, ulong w11, ulong w12, ulong w13, ulong w14, ulong w15)
        {
            // NIST (Solinas) reduction, SP 800-186 / FIPS 186: T + 2*S1 + 2*S2 + S3 + S4 - D1 - D2 - D3 - D4,
            // written out per 32-bit word. Each word first gets its share of 32p (its words lent 8 to
            // the word below), more than the at most four words it subtracts, so no sum goes negative.
            ulong t = 0x8FFFFFFE0UL + w0 + w8 + w9 - w11 - w12 - w13 - w14;
            ulong v0 = (uint)t;
            t = (t >> 32) + 0x8FFFFFFF7UL + w1 + w9 + w10 - w12 - w13 - w14 - w15;
            ulong v1 = (uint)t;
            t = (t >> 32) + 0x8FFFFFFF7UL + w2 + w10 + w11 - w13 - w14 - w15;
            ulong v2 = (uint)t;
            t = (t >> 32) + 0x800000017UL + w3 + 2 * (w11 + w12) + w13 - w15 - w8 - w9;
            ulong v3 = (uint)t;
            t = (t >> 32) + 0x7FFFFFFF8UL + w4 + 2 * (w12 + w13) + w14 - w9 - w10;
            ulong v4 = (uint)t;
            t = (t >> 32) + 0x7FFFFFFF8UL + w5 + 2 * (w13 + w14) + w15 - w10 - w11;
            ulong v5 = (uint)t;
            t = (t >> 32) + 0x800000018UL + w6 + 3 * w14 + 2 * w15 + w13 - w8 - w9;
            ulong v6 = (uint)t;
            t = (t >> 32) + 0x1FFFFFFFD8UL + w7 + 3 * w15 + w8 - w10 - w11 - w12 - w13;
            Normalize(result, v0, v1, v2, v3, v4, v5, v6, (uint)t, t >> 32);
        }

        /// <summary>
        /// Stores v + carry * 2^256 (v in 32-bit words, carry small) reduced below p. While the value is
        /// p or more it subtracts k*p with k = carry (or 1), done by adding k * (2^256 - p) =
        /// k * (2^224 - 2^192 - 2^96 + 1), whose words are all non-negative, and taking k off the carry.
        /// </summary>
        private static void Normalize(uint[] result, ulong v0, ulong v1, ulong v2, ulong v3, ulong v4, ulong v5, ulong v6, ulong v7, ulong carry)
        {
            // v >= p when v7 = 0xFFFFFFFF and the rest is at least p's: v6 > 1, or v6 = 1 and then
            // v5..v3 not all 0 (p's are 0), or v2..v0 all 0xFFFFFFFF (equal to p).
            while (carry != 0 || (v7 == Mask && (v6 > 1 || (v6 == 1 && ((v5 | v4 | v3) != 0 || (v2 & v1 & v0) == Mask)))))
            {
                ulong k = carry != 0 ? carry : 1;
                ulong t = v0 + k;
                v0 = (uint)t;
                t = (t >> 32) + v1;
                v1 = (uint)t;
                t = (t >> 32) + v2;
                v2 = (uint)t;
                t = (t >> 32) + v3 + k * Mask;
                v3 = (uint)t;
                t = (t >> 32) + v4 + k * Mask;
                v4 = (uint)t;
                t = (t >> 32) + v5 + k * Mask;
                v5 = (uint)t;
                t = (t >> 32) + v6 + k * (Mask - 1);
                v6 = (uint)t;
                t = (t >> 32) + v7;
                v7 = (uint)t;
                carry = carry + (t >> 32) - k;
            }

            result[0] = (uint)v0;
            result[1] = (uint)v1;
            result[2] = (uint)v2;
            result[3] = (uint)v3;
            result[4] = (uint)v4;
            result[5] = (uint)v5;
            result[6] = (uint)v6;
            result[7] = (uint)v7;
        }
    }
}
