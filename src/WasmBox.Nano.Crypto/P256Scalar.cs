namespace WasmBox.Nano.Crypto
{
    /// <summary>
    /// Arithmetic modulo the P-256 group order n on reduced values (<see cref="U256"/> layout).
    /// A verification needs only two products and one inverse, so products use Montgomery
    /// multiplication (generic, no special form of n) and the inverse the binary extended
    /// Euclidean algorithm (variable time: signatures are public). Not thread-safe.
    /// </summary>
    internal sealed class P256Scalar
    {
        public static readonly uint[] N = new uint[]
        {
            0xFC632551, 0xF3B9CAC2, 0xA7179E84, 0xBCE6FAAD, 0xFFFFFFFF, 0xFFFFFFFF, 0x00000000, 0xFFFFFFFF,
        };

        /// <summary>R^2 mod n with R = 2^256: one Montgomery product with it undoes the R^-1 of another.</summary>
        internal static readonly uint[] MontgomeryRSquared = new uint[]
        {
            0xBE79EEA2, 0x83244C95, 0x49BD6FA6, 0x4699799C, 0x2B6BEC59, 0x2845B239, 0xF3D95620, 0x66E12D94,
        };

        /// <summary>-n^-1 mod 2^32.</summary>
        internal const uint MontgomeryFactor = 0xEE00BC4F;

        private readonly uint[] _montgomery = new uint[U256.Limbs + 2];
        private readonly uint[] _product = U256.Create();
        private readonly uint[] _u = U256.Create();
        private readonly uint[] _v = U256.Create();
        private readonly uint[] _x1 = U256.Create();
        private readonly uint[] _x2 = U256.Create();
        private readonly P256Counters _counters;

        public P256Scalar(P256Counters counters)
        {
            _counters = counters;
        }

        /// <summary>True for 0 &lt; a &lt; n, the range of r and s in a valid signature.</summary>
        public static bool IsInSignatureRange(uint[] a)
        {
            return !U256.IsZero(a) && U256.Compare(a, N) < 0;
        }

        /// <summary>Reduces a value below 2^256 (less than 2n) modulo n.</summary>
        public static void ReduceOnce(uint[] a)
        {
            if (U256.Compare(a, N) >= 0)
            {
                U256.Subtract(a, a, N);
            }
        }

        /// <summary>result = a * b mod n. Result may alias an operand.</summary>
        public void Multiply(uint[] result, uint[] a, uint[] b)
        {
            // (a*b*R^-1) * R^2 * R^-1 = a*b.
            MontgomeryMultiply(_product, a, b);
            MontgomeryMultiply(result, _product, MontgomeryRSquared);
        }

        /// <summary>result = a^-1 mod n for 0 &lt; a &lt; n. Result may alias a.</summary>
        public void Invert(uint[] result, uint[] a)
        {
            _counters.scalarInversions++;

            // Invariants: x1 * a = u and x2 * a = v (mod n); gcd(u, v) = gcd(a, n) = 1.
            U256.Copy(_u, a);
            U256.Copy(_v, N);
            U256.SetSmall(_x1, 1);
            U256.SetSmall(_x2, 0);
            while (!U256.IsOne(_u) && !U256.IsOne(_v))
            {
                HalveWhileEven(_u, _x1);
                HalveWhileEven(_v, _x2);
                if (U256.Compare(_u, _v) >= 0)
                {
                    U256.Subtract(_u, _u, _v);
                    SubtractModN(_x1, _x2);
                }
                else
                {
                    U256.Subtract(_v, _v, _u);
                    SubtractModN(_x2, _x1);
                }
            }

            U256.Copy(result, U256.IsOne(_u) ? _x1 : _x2);
        }

        /// <summary>
        /// Divides value by 2 while it is even, keeping coefficient * a = value (mod n), up to 30 bits
        /// per round in straight-line code (bit by bit, a loop per pass, the inversion took 15 M x86
        /// instructions on nanoCLR; this takes 4 M off): coefficient becomes (coefficient + m * n) / 2^s,
        /// where m = coefficient * (-n^-1) mod 2^s makes the sum divisible; the result stays below n,
        /// as coefficient + m * n &lt; 2^s * n. With m &lt; 2^30 every sum stays below 2^63.
        /// </summary>
        private static void HalveWhileEven(uint[] value, uint[] coefficient)
        {
            while ((value[0] & 1) == 0)
            {
                uint low = value[0];
                int s = 0;
                while ((low & 1) == 0 && s < 30)
                {
                    low >>= 1;
                    s++;
                }

                int r = 32 - s;
                value[0] = (value[0] >> s) | (value[1] << r);
                value[1] = (value[1] >> s) | (value[2] << r);
                value[2] = (value[2] >> s) | (value[3] << r);
                value[3] = (value[3] >> s) | (value[4] << r);
                value[4] = (value[4] >> s) | (value[5] << r);
                value[5] = (value[5] >> s) | (value[6] << r);
                value[6] = (value[6] >> s) | (value[7] << r);
                value[7] >>= s;

                ulong m = (coefficient[0] * MontgomeryFactor) & ((1u << s) - 1);
                ulong t = coefficient[0] + m * 0xFC632551UL;
                ulong w = (uint)t;
                t = (t >> 32) + coefficient[1] + m * 0xF3B9CAC2UL;
                coefficient[0] = (uint)((w >> s) | ((uint)t << r));
                w = (uint)t;
                t = (t >> 32) + coefficient[2] + m * 0xA7179E84UL;
                coefficient[1] = (uint)((w >> s) | ((uint)t << r));
                w = (uint)t;
                t = (t >> 32) + coefficient[3] + m * 0xBCE6FAADUL;
                coefficient[2] = (uint)((w >> s) | ((uint)t << r));
                w = (uint)t;
                t = (t >> 32) + coefficient[4] + m * 0xFFFFFFFFUL;
                coefficient[3] = (uint)((w >> s) | ((uint)t << r));
                w = (uint)t;
                t = (t >> 32) + coefficient[5] + m * 0xFFFFFFFFUL;
                coefficient[4] = (uint)((w >> s) | ((uint)t << r));
                w = (uint)t;
                t = (t >> 32) + coefficient[6];
                coefficient[5] = (uint)((w >> s) | ((uint)t << r));
                w = (uint)t;
                t = (t >> 32) + coefficient[7] + m * 0xFFFFFFFFUL;
                coefficient[6] = (uint)((w >> s) | ((uint)t << r));
                w = (uint)t;
                coefficient[7] = (uint)((w >> s) | ((uint)(t >> 32) << r));
            }
        }

        private static void SubtractModN(uint[] a, uint[] b)
        {
            if (U256.Subtract(a, a, b) != 0)
            {
                U256.Add(a, a, N);
            }
        }

        /// <summary>result = a * b * 2^-256 mod n (word-by-word Montgomery reduction, CIOS).</summary>
        private void MontgomeryMultiply(uint[] result, uint[] a, uint[] b)
        {
            _counters.scalarMultiplications++;
            uint[] t = _montgomery;
            for (int k = 0; k < t.Length; k++)
            {
                t[k] = 0;
            }

            for (int i = 0; i < U256.Limbs; i++)
            {
                ulong bi = b[i];
                ulong carry = 0;
                for (int j = 0; j < U256.Limbs; j++)
                {
                    carry += t[j] + a[j] * bi;
                    t[j] = (uint)carry;
                    carry >>= 32;
                }

                carry += t[U256.Limbs];
                t[U256.Limbs] = (uint)carry;
                t[U256.Limbs + 1] = (uint)(carry >> 32);

                // Add m*n so that the lowest word becomes zero, then drop that word.
                ulong m = t[0] * MontgomeryFactor;
                carry = (t[0] + m * N[0]) >> 32;
                for (int j = 1; j < U256.Limbs; j++)
                {
                    carry += t[j] + m * N[j];
                    t[j - 1] = (uint)carry;
                    carry >>= 32;
                }

                carry += t[U256.Limbs];
                t[U256.Limbs - 1] = (uint)carry;
                t[U256.Limbs] = t[U256.Limbs + 1] + (uint)(carry >> 32);
            }

            for (int k = 0; k < U256.Limbs; k++)
            {
                result[k] = t[k];
            }

            if (t[U256.Limbs] != 0 || U256.Compare(result, N) >= 0)
            {
                U256.Subtract(result, result, N);
            }
        }
    }
}
