namespace WasmBox.Nano.Crypto
{
    /// <summary>
    /// Group law on P-256 (y^2 = x^3 - 3x + b) in Jacobian coordinates, in place (P = 2P,
    /// P = P + Q). Formulas from the Explicit-Formulas Database: dbl-2001-b (a = -3, with
    /// Z3 = 2YZ, the result scaled by 1/2 so Z3 = YZ) and add-1998-cmo-2, with the equal-point and
    /// infinity cases handled explicitly. Variable
    /// time. The instance owns its temporaries; not thread-safe.
    /// </summary>
    internal sealed class P256Curve
    {
        public static readonly uint[] B = new uint[]
        {
            0x27D2604B, 0x3BCE3C3E, 0xCC53B0F6, 0x651D06B0, 0x769886BC, 0xB3EBBD55, 0xAA3A93E7, 0x5AC635D8,
        };

        private readonly P256Field _field;
        private readonly uint[] _t0 = U256.Create();
        private readonly uint[] _t1 = U256.Create();
        private readonly uint[] _t2 = U256.Create();
        private readonly uint[] _t3 = U256.Create();
        private readonly uint[] _t4 = U256.Create();
        private readonly uint[] _t5 = U256.Create();
        private readonly uint[] _t6 = U256.Create();

        public P256Curve(P256Field field)
        {
            _field = field;
        }

        /// <summary>True when 0 &lt;= x, y &lt; p and y^2 = x^3 - 3x + b (mod p).</summary>
        public bool IsOnCurve(uint[] x, uint[] y)
        {
            if (!P256Field.IsReduced(x) || !P256Field.IsReduced(y))
            {
                return false;
            }

            // (x^2 - 3) * x + b
            uint[] right = _t0;
            _field.Square(right, x);
            U256.SetSmall(_t1, 3);
            P256Field.Subtract(right, right, _t1);
            _field.Multiply(right, right, x);
            P256Field.Add(right, right, B);
            _field.Square(_t1, y);
            return U256.Compare(_t1, right) == 0;
        }

        public void Double(P256Point p)
        {
            if (p.IsInfinity)
            {
                return;
            }

            uint[] delta = _t0, gamma = _t1, beta = _t2, alpha = _t3, t = _t4;
            _field.Square(delta, p.Z);
            _field.Square(gamma, p.Y);
            _field.Multiply(beta, p.X, gamma);

            // The formula's result (X3, Y3, 2YZ) scaled by 1/2, i.e. (X3 / 4, Y3 / 8, YZ): Z3 needs no
            // doubling pass, and with alpha / 2 = 3 * (X + delta) / 2 * (X - delta), halved in its addition,
            // X3 / 4 = (alpha / 2)^2 - 2 * beta and Y3 / 8 = (alpha / 2) * (beta - X3 / 4) - gamma^2.
            P256Field.Subtract(t, p.X, delta);
            P256Field.AddHalf(alpha, p.X, delta, 3);
            _field.Multiply(alpha, alpha, t);

            // Z3 = Y * Z: a product instead of ((Y + Z)^2 - gamma - delta) / 2, a square and three passes.
            _field.Multiply(p.Z, p.Y, p.Z);

            _field.Square(p.X, alpha);
            P256Field.SubtractMultiple(p.X, p.X, beta, 2);

            P256Field.Subtract(beta, beta, p.X);
            _field.Multiply(p.Y, alpha, beta);
            _field.Square(gamma, gamma);
            P256Field.Subtract(p.Y, p.Y, gamma);
        }

        /// <summary>p = p + q, or p = p - q when <paramref name="negate"/> is set.</summary>
        public void Add(P256Point p, P256Point q, bool negate)
        {
            if (q.IsInfinity)
            {
                return;
            }

            if (p.IsInfinity)
            {
                p.CopyFrom(q);
                if (negate)
                {
                    P256Field.Negate(p.Y, p.Y);
                }

                return;
            }

            uint[] u1 = _t0, s1 = _t1, u2 = _t2, s2 = _t3, zz = _t4;

            // U1 = X1 * Z2^2, S1 = Y1 * Z2^3
            _field.Square(zz, q.Z);
            _field.Multiply(u1, p.X, zz);
            _field.Multiply(zz, zz, q.Z);
            _field.Multiply(s1, p.Y, zz);

            LoadScaledSecond(u2, s2, p.Z, q.X, q.Y);
            if (negate)
            {
                // -q = (X, -Y, Z), so S2 = -Y2 * Z1^3.
                P256Field.Negate(s2, s2);
            }

            FinishAdd(p, u1, s1, u2, s2, q.Z);
        }

        /// <summary>p = p + (x, y), with (x, y) an affine point (Z = 1 saves four multiplications).</summary>
        public void AddAffine(P256Point p, uint[] x, uint[] y)
        {
            if (p.IsInfinity)
            {
                p.SetAffine(x, y);
                return;
            }

            uint[] u2 = _t2, s2 = _t3;
            LoadScaledSecond(u2, s2, p.Z, x, y);

            // With Z2 = 1, U1 = X1 and S1 = Y1, read by FinishAdd before it overwrites them.
            FinishAdd(p, p.X, p.Y, u2, s2, null);
        }

        /// <summary>U2 = X2 * Z1^2, S2 = Y2 * Z1^3.</summary>
        private void LoadScaledSecond(uint[] u2, uint[] s2, uint[] z1, uint[] x2, uint[] y2)
        {
            uint[] zz = _t4;
            _field.Square(zz, z1);
            _field.Multiply(u2, x2, zz);
            _field.Multiply(zz, zz, z1);
            _field.Multiply(s2, y2, zz);
        }

        /// <summary>
        /// Completes p = p + q from U1, S1, U2, S2 (both points brought to the common
        /// denominator); z2 is q's Z, or null when q is affine. U1 and S1 may be p's X and Y:
        /// each is last read before p's coordinate is written.
        /// </summary>
        private void FinishAdd(P256Point p, uint[] u1, uint[] s1, uint[] u2, uint[] s2, uint[] z2)
        {
            uint[] h = u2, r = s2, hh = _t4, hhh = _t5, v = _t6;
            P256Field.Subtract(h, u2, u1);
            P256Field.Subtract(r, s2, s1);
            if (U256.IsZero(h))
            {
                // Same x: either the same point (the formula would yield 0/0) or its negation.
                if (U256.IsZero(r))
                {
                    Double(p);
                }
                else
                {
                    p.SetInfinity();
                }

                return;
            }

            _field.Square(hh, h);
            _field.Multiply(hhh, h, hh);
            _field.Multiply(v, u1, hh);

            // X3 = R^2 - H^3 - 2 * V
            _field.Square(p.X, r);
            P256Field.Subtract(p.X, p.X, hhh);
            P256Field.SubtractMultiple(p.X, p.X, v, 2);

            // Y3 = R * (V - X3) - S1 * H^3
            P256Field.Subtract(v, v, p.X);
            _field.Multiply(hhh, s1, hhh);
            _field.Multiply(p.Y, r, v);
            P256Field.Subtract(p.Y, p.Y, hhh);

            // Z3 = Z1 * Z2 * H
            _field.Multiply(p.Z, p.Z, h);
            if (z2 != null)
            {
                _field.Multiply(p.Z, p.Z, z2);
            }
        }
    }
}
