using nanoFramework.TestFramework;
using WasmBox.Nano.Crypto.NfTests;

namespace WasmBox.Nano.Bundle.NfTests
{
    /// <summary>
    /// A real signed bundle through BundleReader.Open: accepted with the tenant's key, and refused
    /// with the precise BundleError when a byte of the manifest, image or signature changes, when
    /// the tenant is unknown and when the key is another tenant's.
    /// </summary>
    [TestClass]
    public class BundleReaderTests
    {
        [TestMethod]
        public void GenuineBundleOpens()
        {
            ParsedBundle parsed;
            FunctionImage image = AssertOpens(SampleBundle.Bytes(), out parsed);
            Manifest m = parsed.Manifest;
            Assert.AreEqual("acme", m.Tenant);
            Assert.AreEqual(1, m.Slot);
            Assert.AreEqual(3L, m.Sequence);
            Assert.AreEqual("blink", m.Name);
            Assert.AreEqual(1, m.Hooks.Length);
            Assert.AreEqual(HookKind.Timer, m.Hooks[0].Kind);
            Assert.AreEqual(500, m.Hooks[0].PeriodMs);
            CollectionAssert.AreEqual(TestBytes.FromHex(SampleBundle.ImageText), image.Text);
            Assert.AreEqual(1, image.Entries.Length);
            Assert.AreEqual("main", image.Entries[0].Name);
            Assert.AreEqual(0, image.Entries[0].Index);
        }

        [TestMethod]
        public void ManifestBytesAreReturnedExactlyAsSigned()
        {
            byte[] bundle = SampleBundle.Bytes();
            BundleLayout layout = BundleLayout.Of(bundle);
            ParsedBundle parsed;
            AssertOpens(bundle, out parsed);
            byte[] expected = new byte[layout.ManifestLength];
            System.Array.Copy(bundle, layout.ManifestOffset, expected, 0, expected.Length);
            CollectionAssert.AreEqual(expected, parsed.ManifestBytes());
        }

        [TestMethod]
        public void ChangedManifestFailsTheSignature()
        {
            // One bit of the image digest inside the manifest: still a well-formed manifest,
            // so only the signature can notice.
            byte[] bundle = SampleBundle.Bytes();
            BundleLayout layout = BundleLayout.Of(bundle);
            byte[] digest = WasmBox.Nano.Crypto.Sha256.Hash(bundle, layout.ImageOffset, layout.ImageLength);
            int at = layout.FindInManifest(bundle, digest);
            Assert.IsTrue(at > 0, "digest not found in the manifest");
            AssertRefused(TestBytes.WithBitFlipped(bundle, at + 5), AcmeKeyring(), BundleError.BadSignature);
        }

        [TestMethod]
        public void ChangedManifestNameFailsTheSignature()
        {
            byte[] bundle = SampleBundle.Bytes();
            BundleLayout layout = BundleLayout.Of(bundle);
            int at = layout.FindInManifest(bundle, TestBytes.FromAscii("blink"));
            Assert.IsTrue(at > 0, "name not found in the manifest");
            AssertRefused(TestBytes.WithPatch(bundle, at, TestBytes.FromAscii("clink")), AcmeKeyring(), BundleError.BadSignature);
        }

        [TestMethod]
        public void ChangedImageFailsTheDigest()
        {
            byte[] bundle = SampleBundle.Bytes();
            BundleLayout layout = BundleLayout.Of(bundle);
            AssertRefused(TestBytes.WithBitFlipped(bundle, layout.ImageOffset + 4), AcmeKeyring(), BundleError.DigestMismatch);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(40)]
        [DataRow(63)]
        public void ChangedSignatureFails(int index)
        {
            byte[] bundle = SampleBundle.Bytes();
            BundleLayout layout = BundleLayout.Of(bundle);
            AssertRefused(TestBytes.WithBitFlipped(bundle, layout.SignatureOffset + index), AcmeKeyring(), BundleError.BadSignature);
        }

        [TestMethod]
        public void UnknownTenantIsRefused()
        {
            AssertRefused(SampleBundle.Bytes(), new OneTenantKeyring("globex", TestBytes.FromHex(SampleBundle.AcmeKey)),
                BundleError.UnknownTenant);
        }

        [TestMethod]
        public void AnotherTenantsKeyIsRefused()
        {
            AssertRefused(SampleBundle.Bytes(), new OneTenantKeyring("acme", TestBytes.FromHex(SampleBundle.OtherKey)),
                BundleError.BadSignature);
        }

        [TestMethod]
        public void AlgorithmOtherThanEs256IsRefused()
        {
            // Protected header {1: -8} (EdDSA) instead of {1: -7}.
            byte[] bundle = SampleBundle.Bytes();
            BundleLayout layout = BundleLayout.Of(bundle);
            byte[] changed = TestBytes.WithPatch(bundle, layout.ProtectedOffset + 2, new byte[] { 0x27 });
            AssertRefused(changed, AcmeKeyring(), BundleError.UnsupportedAlgorithm);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(100)]
        [DataRow(188)]
        public void TruncatedBundleIsMalformed(int length)
        {
            byte[] bundle = SampleBundle.Bytes();
            byte[] cut = new byte[length];
            System.Array.Copy(bundle, cut, length);
            AssertRefused(cut, AcmeKeyring(), BundleError.Malformed);
        }

        [TestMethod]
        public void TrailingByteIsMalformed()
        {
            byte[] bundle = SampleBundle.Bytes();
            byte[] longer = new byte[bundle.Length + 1];
            System.Array.Copy(bundle, longer, bundle.Length);
            AssertRefused(longer, AcmeKeyring(), BundleError.Malformed);
        }

        private static OneTenantKeyring AcmeKeyring()
        {
            return new OneTenantKeyring("acme", TestBytes.FromHex(SampleBundle.AcmeKey));
        }

        private static FunctionImage AssertOpens(byte[] bundle, out ParsedBundle parsed)
        {
            BundleError error;
            string detail;
            FunctionImage image = BundleReader.Open(bundle, 0, bundle.Length, AcmeKeyring(), out parsed, out error, out detail);
            Assert.AreEqual(BundleErrorText.Name(BundleError.None), BundleErrorText.Name(error), detail);
            Assert.IsNotNull(image);
            return image;
        }

        private static void AssertRefused(byte[] bundle, ITenantKeyring keys, BundleError expected)
        {
            ParsedBundle parsed;
            BundleError error;
            string detail;
            FunctionImage image = BundleReader.Open(bundle, 0, bundle.Length, keys, out parsed, out error, out detail);
            Assert.AreEqual(BundleErrorText.Name(expected), BundleErrorText.Name(error), detail);
            Assert.IsNull(image);
            Assert.IsNotNull(detail, "a refusal says why");
        }
    }
}
