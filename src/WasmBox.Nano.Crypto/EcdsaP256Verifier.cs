namespace WasmBox.Nano.Crypto
{
    /// <summary>
    /// ECDSA verification on P-256 with SHA-256 (ES256; FIPS 186-5, SEC1 4.1.4). Public keys are
    /// uncompressed SEC1 points (65 bytes: 0x04 || X || Y), signatures raw r || s (64 bytes, as in
    /// COSE and IEEE P1363). Every verify method returns false on any malformed input and never
    /// throws. Variable time, which is fine: everything a verifier sees is public.
    /// An instance preallocates all its working memory (about 55 limb arrays and two digit arrays,
    /// most of it the 8-entry table of odd multiples of the key) and allocates nothing per
    /// verification; it is not thread-safe (see <see cref="EcdsaP256"/> for a shared one).
    /// </summary>
    public sealed class EcdsaP256Verifier
    {
        /// <summary>Length of an uncompressed SEC1 public key.</summary>
        public const int PublicKeySize = 65;

        /// <summary>Length of a raw r || s signature.</summary>
        public const int SignatureSize = 64;

        private const byte UncompressedPointTag = 0x04;
        private const int CoordinateSize = 32;
        // NAF width for u2: the 8 odd multiples Q..15Q cost 1 doubling and 7 additions per
        // verification and leave about 43 additions; width 4 or 6 cost more in total.
        private const int KeyWidth = 5;
        private const int KeyTableSize = 1 << (KeyWidth - 2);

        private readonly P256Counters _counters = new P256Counters();
        private readonly P256Field _field;
        private readonly P256Scalar _scalar;
        private readonly P256Curve _curve;
        private readonly Sha256 _sha = new Sha256();
        private readonly byte[] _digest = new byte[Sha256.HashSize];

        private readonly uint[] _qx = U256.Create();
        private readonly uint[] _qy = U256.Create();
        private readonly uint[] _r = U256.Create();
        private readonly uint[] _s = U256.Create();
        private readonly uint[] _u1 = U256.Create();
        private readonly uint[] _u2 = U256.Create();
        private readonly uint[] _zz = U256.Create();
        private readonly uint[] _candidate = U256.Create();

        // _keyTable[i] = (2i + 1) * Q; _sum accumulates u1*G + u2*Q.
        private readonly P256Point[] _keyTable = new P256Point[KeyTableSize];
        private readonly P256Point _twoQ = new P256Point();
        private readonly P256Point _sum = new P256Point();
        private readonly sbyte[] _u1Digits = new sbyte[P256Naf.Length];
        private readonly sbyte[] _u2Digits = new sbyte[P256Naf.Length];
        private readonly uint[] _gx = U256.Create();
        private readonly uint[] _gy = U256.Create();

        public EcdsaP256Verifier()
        {
            _field = new P256Field(_counters);
            _scalar = new P256Scalar(_counters);
            _curve = new P256Curve(_field);
            for (int i = 0; i < KeyTableSize; i++)
            {
                _keyTable[i] = new P256Point();
            }
        }

        /// <summary>Operation counts accumulated by this instance (reset them with <see cref="P256Counters.Reset"/>).</summary>
        public P256Counters Counters
        {
            get { return _counters; }
        }

        /// <summary>Verifies a signature over <paramref name="count"/> bytes of <paramref name="message"/> from <paramref name="offset"/>.</summary>
        public bool Verify(byte[] publicKey, byte[] message, int offset, int count, byte[] signature)
        {
            if (message == null || offset < 0 || count < 0 || offset > message.Length - count)
            {
                _counters.verifications++;
                return false;
            }

            _sha.Update(message, offset, count);
            _sha.Final(_digest, 0);
            return VerifyDigest(publicKey, _digest, signature);
        }

        /// <summary>Verifies a signature over a 32-byte SHA-256 digest.</summary>
        public bool VerifyDigest(byte[] publicKey, byte[] digest, byte[] signature)
        {
            _counters.verifications++;
            if (publicKey == null || publicKey.Length != PublicKeySize || publicKey[0] != UncompressedPointTag
                || digest == null || digest.Length != Sha256.HashSize
                || signature == null || signature.Length != SignatureSize)
            {
                return false;
            }

            // The key must be a curve point; this also rules out the point at infinity,
            // which has no 65-byte encoding and no affine coordinates.
            U256.FromBigEndian(publicKey, 1, _qx);
            U256.FromBigEndian(publicKey, 1 + CoordinateSize, _qy);
            if (!_curve.IsOnCurve(_qx, _qy))
            {
                return false;
            }

            U256.FromBigEndian(signature, 0, _r);
            U256.FromBigEndian(signature, CoordinateSize, _s);
            if (!P256Scalar.IsInSignatureRange(_r) || !P256Scalar.IsInSignatureRange(_s))
            {
                return false;
            }

            // e = digest as an integer (256 bits, the size of n: no truncation), reduced mod n;
            // w = s^-1, u1 = e*w, u2 = r*w.
            U256.FromBigEndian(digest, 0, _u1);
            P256Scalar.ReduceOnce(_u1);
            _scalar.Invert(_s, _s);
            _scalar.Multiply(_u1, _u1, _s);
            _scalar.Multiply(_u2, _r, _s);

            ComputeSum();
            return SumXMatchesR();
        }

        /// <summary>
        /// _sum = u1*G + u2*Q by interleaved width-w NAFs (Straus/Shamir): one doubling per digit
        /// position, an affine addition from the constant table per nonzero digit of u1 and a
        /// Jacobian addition from the key's table per nonzero digit of u2.
        /// </summary>
        private void ComputeSum()
        {
            BuildKeyTable();
            P256Naf.Recode(_u1, P256BaseTable.Width, _u1Digits);
            P256Naf.Recode(_u2, KeyWidth, _u2Digits);
            _sum.SetInfinity();
            for (int i = P256Naf.Length - 1; i >= 0; i--)
            {
                _curve.Double(_sum);
                int digit = _u1Digits[i];
                if (digit != 0)
                {
                    P256BaseTable.Load(digit, _gx, _gy);
                    _curve.AddAffine(_sum, _gx, _gy);
                }

                digit = _u2Digits[i];
                if (digit > 0)
                {
                    _curve.Add(_sum, _keyTable[digit >> 1], false);
                }
                else if (digit < 0)
                {
                    _curve.Add(_sum, _keyTable[(-digit) >> 1], true);
                }
            }
        }

        /// <summary>_keyTable[i] = (2i + 1) * Q: Q, then repeated additions of 2Q.</summary>
        private void BuildKeyTable()
        {
            _keyTable[0].SetAffine(_qx, _qy);
            _twoQ.CopyFrom(_keyTable[0]);
            _curve.Double(_twoQ);
            for (int i = 1; i < KeyTableSize; i++)
            {
                _keyTable[i].CopyFrom(_keyTable[i - 1]);
                _curve.Add(_keyTable[i], _twoQ, false);
            }
        }

        /// <summary>
        /// Checks x(_sum) mod n == r without inverting Z: x = X/Z^2, and x mod n == r means
        /// x == r or (when r + n &lt; p) x == r + n, i.e. X == candidate * Z^2 (mod p).
        /// </summary>
        private bool SumXMatchesR()
        {
            if (_sum.IsInfinity)
            {
                return false;
            }

            _field.Square(_zz, _sum.Z);
            _field.Multiply(_candidate, _r, _zz);
            if (U256.Compare(_candidate, _sum.X) == 0)
            {
                return true;
            }

            if (U256.Add(_candidate, _r, P256Scalar.N) != 0 || !P256Field.IsReduced(_candidate))
            {
                return false;
            }

            _field.Multiply(_candidate, _candidate, _zz);
            return U256.Compare(_candidate, _sum.X) == 0;
        }
    }
}
