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

        /// <summary>Divides value by 2 while it is even, keeping coefficient * a = value (mod n).</summary>
        private static void HalveWhileEven(uint[] value, uint[] coefficient)
        {
            while ((value[0] & 1) == 0)
            {
                U256.ShiftRightOne(value, 0);
                uint carry = 0;
                if ((coefficient[0] & 1) != 0)
                {
                    // n is odd, so coefficient + n is even and halves exactly.
                    carry = U256.Add(coefficient, coefficient, N);
                }

                U256.ShiftRightOne(coefficient, carry);
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
