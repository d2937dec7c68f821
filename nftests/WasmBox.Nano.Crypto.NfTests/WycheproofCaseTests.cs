using nanoFramework.TestFramework;

namespace WasmBox.Nano.Crypto.NfTests
{
    /// <summary>The Wycheproof case runner itself, on vectors the suite already trusts, so that a case
    /// generated from the corpus can only pass for the right reason.</summary>
    [TestClass]
    public class WycheproofCaseTests
    {
        // "wasmbox nano" as hex.
        private const string Message1Hex = "7761736d626f78206e616e6f";

        [TestMethod]
        public void Valid_raw_signature_passes_as_valid()
        {
            WycheproofCase.Ecdsa(EcdsaVectors.Key1, Message1Hex, EcdsaVectors.Signature1, false, true);
        }

        [TestMethod]
        public void Valid_signature_expected_invalid_fails()
        {
            Assert.ThrowsException(typeof(TestFrameworkShared.AssertFailedException),
                () => WycheproofCase.Ecdsa(EcdsaVectors.Key1, Message1Hex, EcdsaVectors.Signature1, false, false));
        }

        [TestMethod]
        public void Raw_signature_read_as_der_is_invalid()
        {
            WycheproofCase.Ecdsa(EcdsaVectors.Key1, Message1Hex, EcdsaVectors.Signature1, true, false);
        }

        // RFC 4231 test case 2 ("Jefe", "what do ya want for nothing?"), tag truncated to 16 bytes.
        [TestMethod]
        public void Truncated_hmac_tag_matches_only_at_its_length()
        {
            const string Key = "4a656665";
            const string Message = "7768617420646f2079612077616e7420666f72206e6f7468696e673f";
            const string Tag16 = "5bdcc146bf60754e6a042426089575c7";
            WycheproofCase.Hmac(Key, Message, Tag16, 16, true);
            WycheproofCase.Hmac(Key, Message, Tag16, 32, false);
            WycheproofCase.Hmac(Key, Message, "5bdcc146bf60754e6a042426089575c8", 16, false);
        }
    }
}
