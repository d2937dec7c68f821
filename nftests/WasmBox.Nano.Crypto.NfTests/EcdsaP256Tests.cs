using nanoFramework.TestFramework;
using WasmBox.Nano.Crypto;

namespace WasmBox.Nano.Crypto.NfTests
{
    /// <summary>
    /// ES256 verification on fixed .NET-made vectors: valid triples verify; tampered messages,
    /// signatures and keys, out-of-range r and s, off-curve keys and wrong lengths are refused
    /// without an exception.
    /// </summary>
    [TestClass]
    public class EcdsaP256Tests
    {
        [TestMethod]
        [DataRow(EcdsaVectors.Message1, EcdsaVectors.Key1, EcdsaVectors.Signature1)]
        [DataRow(EcdsaVectors.Message2, EcdsaVectors.Key2, EcdsaVectors.Signature2)]
        [DataRow(EcdsaVectors.Message3, EcdsaVectors.Key3, EcdsaVectors.Signature3)]
        public void ValidSignaturesVerify(string message, string keyHex, string signatureHex)
        {
            Assert.IsTrue(Verify(message, keyHex, signatureHex));
        }

        [TestMethod]
        public void HighSIsAccepted()
        {
            // (r, n - s) is the same signature with the other s; ECDSA and COSE accept both.
            Assert.IsTrue(Verify(EcdsaVectors.Message1, EcdsaVectors.Key1, EcdsaVectors.R1 + EcdsaVectors.HighS1));
        }

        [TestMethod]
        public void VerifyDigestAgreesWithVerify()
        {
            Assert.IsTrue(EcdsaP256.VerifyDigest(TestBytes.FromHex(EcdsaVectors.Key1), TestBytes.FromHex(EcdsaVectors.Digest1),
                TestBytes.FromHex(EcdsaVectors.Signature1)));
        }

        [TestMethod]
        public void MessageSliceOfALargerBufferVerifies()
        {
            byte[] framed = TestBytes.FromAscii("[[" + EcdsaVectors.Message1 + "]]");
            Assert.IsTrue(EcdsaP256.Verify(TestBytes.FromHex(EcdsaVectors.Key1), framed, 2, EcdsaVectors.Message1.Length,
                TestBytes.FromHex(EcdsaVectors.Signature1)));
        }

        [TestMethod]
        public void ChangedMessageIsRefused()
        {
            Assert.IsFalse(Verify("wasmbox nanO", EcdsaVectors.Key1, EcdsaVectors.Signature1));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(31)]
        [DataRow(32)]
        [DataRow(63)]
        public void FlippedSignatureBitIsRefused(int index)
        {
            byte[] signature = TestBytes.WithBitFlipped(TestBytes.FromHex(EcdsaVectors.Signature1), index);
            Assert.IsFalse(VerifyMessage1(TestBytes.FromHex(EcdsaVectors.Key1), signature));
        }

        [TestMethod]
        public void AnotherKeyIsRefused()
        {
            Assert.IsFalse(Verify(EcdsaVectors.Message1, EcdsaVectors.Key2, EcdsaVectors.Signature1));
        }

        [TestMethod]
        [DataRow(EcdsaVectors.Zero + EcdsaVectors.S1)]
        [DataRow(EcdsaVectors.R1 + EcdsaVectors.Zero)]
        [DataRow(EcdsaVectors.N + EcdsaVectors.S1)]
        [DataRow(EcdsaVectors.R1 + EcdsaVectors.N)]
        [DataRow(EcdsaVectors.R1 + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
        public void ROrSOutsideOneToNMinusOneIsRefused(string signatureHex)
        {
            Assert.IsFalse(Verify(EcdsaVectors.Message1, EcdsaVectors.Key1, signatureHex));
        }

        [TestMethod]
        public void KeyOffTheCurveIsRefused()
        {
            byte[] key = TestBytes.WithBitFlipped(TestBytes.FromHex(EcdsaVectors.Key1), 64);
            Assert.IsFalse(VerifyMessage1(key, TestBytes.FromHex(EcdsaVectors.Signature1)));
        }

        [TestMethod]
        public void KeyWithoutTheUncompressedTagIsRefused()
        {
            byte[] key = TestBytes.WithPatch(TestBytes.FromHex(EcdsaVectors.Key1), 0, new byte[] { 0x03 });
            Assert.IsFalse(VerifyMessage1(key, TestBytes.FromHex(EcdsaVectors.Signature1)));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(33)]
        [DataRow(64)]
        [DataRow(66)]
        public void KeyOfWrongLengthIsRefused(int length)
        {
            Assert.IsFalse(VerifyMessage1(Resized(TestBytes.FromHex(EcdsaVectors.Key1), length), TestBytes.FromHex(EcdsaVectors.Signature1)));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(63)]
        [DataRow(65)]
        public void SignatureOfWrongLengthIsRefused(int length)
        {
            Assert.IsFalse(VerifyMessage1(TestBytes.FromHex(EcdsaVectors.Key1), Resized(TestBytes.FromHex(EcdsaVectors.Signature1), length)));
        }

        [TestMethod]
        public void DigestOfWrongLengthIsRefused()
        {
            byte[] shortDigest = Resized(TestBytes.FromHex(EcdsaVectors.Digest1), 31);
            Assert.IsFalse(EcdsaP256.VerifyDigest(TestBytes.FromHex(EcdsaVectors.Key1), shortDigest, TestBytes.FromHex(EcdsaVectors.Signature1)));
        }

        [TestMethod]
        public void NullsAndBadRangesAreRefusedWithoutThrowing()
        {
            byte[] key = TestBytes.FromHex(EcdsaVectors.Key1);
            byte[] message = TestBytes.FromAscii(EcdsaVectors.Message1);
            byte[] signature = TestBytes.FromHex(EcdsaVectors.Signature1);
            Assert.IsFalse(EcdsaP256.Verify(null, message, 0, message.Length, signature), "null key");
            Assert.IsFalse(EcdsaP256.Verify(key, null, 0, 0, signature), "null message");
            Assert.IsFalse(EcdsaP256.Verify(key, message, 0, message.Length, null), "null signature");
            Assert.IsFalse(EcdsaP256.Verify(key, message, -1, message.Length, signature), "negative offset");
            Assert.IsFalse(EcdsaP256.Verify(key, message, 1, message.Length, signature), "range past the end");
            Assert.IsFalse(EcdsaP256.VerifyDigest(key, null, signature), "null digest");
        }

        [TestMethod]
        public void DerSignatureDecodesToRawRAndS()
        {
            // SEQUENCE { INTEGER r, INTEGER s }; both start below 0x80, so no sign padding.
            byte[] der = TestBytes.FromHex("30440220" + EcdsaVectors.R1 + "0220" + EcdsaVectors.S1);
            byte[] raw = new byte[EcdsaP256Verifier.SignatureSize];
            Assert.IsTrue(EcdsaDerSignature.TryDecode(der, 0, der.Length, raw));
            CollectionAssert.AreEqual(TestBytes.FromHex(EcdsaVectors.Signature1), raw);
        }

        [TestMethod]
        public void NonMinimalDerIntegerIsRefused()
        {
            // r with a superfluous leading zero byte: BER would allow it, DER does not.
            byte[] der = TestBytes.FromHex("30450221" + "00" + EcdsaVectors.R1 + "0220" + EcdsaVectors.S1);
            Assert.IsFalse(EcdsaDerSignature.TryDecode(der, 0, der.Length, new byte[EcdsaP256Verifier.SignatureSize]));
        }

        private static bool Verify(string message, string keyHex, string signatureHex)
        {
            byte[] data = TestBytes.FromAscii(message);
            return EcdsaP256.Verify(TestBytes.FromHex(keyHex), data, 0, data.Length, TestBytes.FromHex(signatureHex));
        }

        private static bool VerifyMessage1(byte[] key, byte[] signature)
        {
            byte[] data = TestBytes.FromAscii(EcdsaVectors.Message1);
            return EcdsaP256.Verify(key, data, 0, data.Length, signature);
        }

        /// <summary>The first <paramref name="length"/> bytes of <paramref name="bytes"/>, zero-extended when longer.</summary>
        private static byte[] Resized(byte[] bytes, int length)
        {
            byte[] resized = new byte[length];
            System.Array.Copy(bytes, resized, length < bytes.Length ? length : bytes.Length);
            return resized;
        }
    }
}
