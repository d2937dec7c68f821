using WasmBox.Nano.Bundle.Tests.Support;
using WasmBox.Nano.Signing.Checking;

namespace WasmBox.Nano.Bundle.Tests;

/// <summary>Every single-byte change of a real bundle, anywhere in it, is refused with a reason, never accepted and never thrown.</summary>
public class TamperTests
{
    [Theory]
    [InlineData(0x01)]
    [InlineData(0xff)]
    [InlineData(0x80)]
    [InlineData(0x20)]
    public void Changing_any_single_byte_is_detected(byte mask)
    {
        byte[] original = Samples.Bundle();
        var layout = Layout.Of(original);

        for (int i = 0; i < original.Length; i++)
        {
            byte[] tampered = (byte[])original.Clone();
            tampered[i] ^= mask;

            FunctionImage? image = Samples.Open(tampered, Tenants.Both, out BundleError error, out string detail);

            Assert.True(image is null, "byte " + i + " ^ " + mask + " was accepted");
            Assert.NotEqual(BundleError.None, error);
            Assert.False(string.IsNullOrEmpty(detail));
            Assert.Equal(error, BundleChecker.Check(tampered, Tenants.Both).Error);
            if (layout.InSignature(i))
            {
                Assert.Equal(BundleError.BadSignature, error);
            }
            else if (layout.InImage(i))
            {
                Assert.Equal(BundleError.DigestMismatch, error);
            }
            else if (layout.InManifest(i))
            {
                Assert.Contains(error, new[] { BundleError.BadSignature, BundleError.UnknownTenant, BundleError.BadManifest, BundleError.UnsupportedVersion });
            }
        }
    }

    [Fact]
    public void Truncating_the_bundle_anywhere_is_detected()
    {
        byte[] original = Samples.Bundle();
        for (int length = 0; length < original.Length; length++)
        {
            Assert.Null(BundleReader.Open(original, 0, length, Tenants.Both, out _, out BundleError error, out _));
            Assert.NotEqual(BundleError.None, error);
        }
    }

    /// <summary>Where the manifest, signature and image contents lie in a bundle (found by content).</summary>
    private sealed record Layout(int Manifest, int ManifestLength, int Signature, int Image, int ImageLength)
    {
        public static Layout Of(byte[] bundle)
        {
            ParsedBundle parsed = BundleReader.Parse(bundle, 0, bundle.Length, out _, out _);
            byte[] manifest = parsed.ManifestBytes();
            byte[] image = ImageCodec.Encode(Samples.Image());
            int manifestAt = bundle.AsSpan().IndexOf(manifest);
            int imageAt = bundle.Length - image.Length;
            Assert.True(bundle.AsSpan(imageAt).SequenceEqual(image));
            return new Layout(manifestAt, manifest.Length, Samples.SignatureOffset(bundle, image.Length), imageAt, image.Length);
        }

        public bool InManifest(int i) => i >= Manifest && i < Manifest + ManifestLength;

        public bool InSignature(int i) => i >= Signature && i < Signature + 64;

        public bool InImage(int i) => i >= Image && i < Image + ImageLength;
    }
}
