using nanoFramework.TestFramework;
using WasmBox.Nano.Crypto;

namespace WasmBox.Nano.Crypto.NfTests
{
    /// <summary>
    /// One Wycheproof vector through the device crypto. The vectors themselves are third-party data
    /// (../shared/conformance/wycheproof): tools/WasmBox.Nano.NanoClr turns them into test methods calling
    /// these at test time, so nanoCLR checks every verdict without the corpus living in the repository.
    /// </summary>
    public static class WycheproofCase
    {
        private static readonly EcdsaP256Verifier Verifier = new EcdsaP256Verifier();

        /// <summary>ES256 with a raw r || s (IEEE P1363) or a DER signature.</summary>
        public static void Ecdsa(string publicKeyHex, string messageHex, string signatureHex, bool der, bool valid)
        {
            byte[] message = TestBytes.FromHex(messageHex);
            byte[] signature = TestBytes.FromHex(signatureHex);
            if (der)
            {
                byte[] raw = new byte[EcdsaP256Verifier.SignatureSize];
                signature = EcdsaDerSignature.TryDecode(signature, 0, signature.Length, raw) ? raw : null;
            }
            bool verified = signature != null && Verifier.Verify(TestBytes.FromHex(publicKeyHex), message, 0, message.Length, signature);
            Assert.AreEqual(valid, verified, "verified");
        }

        /// <summary>HMAC-SHA256 truncated to <paramref name="tagBytes"/>: a valid tag matches, an invalid one does not.</summary>
        public static void Hmac(string keyHex, string messageHex, string tagHex, int tagBytes, bool valid)
        {
            byte[] message = TestBytes.FromHex(messageHex);
            byte[] tag = TestBytes.FromHex(tagHex);
            byte[] computed = HmacSha256.Compute(TestBytes.FromHex(keyHex), message, 0, message.Length);
            bool matches = tag.Length == tagBytes;
            for (int i = 0; matches && i < tagBytes; i++)
            {
                matches = computed[i] == tag[i];
            }
            Assert.AreEqual(valid, matches, "tag matches");
        }
    }
}
