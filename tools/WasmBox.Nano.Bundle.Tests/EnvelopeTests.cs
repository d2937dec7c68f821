using System.Security.Cryptography;
using WasmBox.Nano.Bundle.Tests.Support;
using WasmBox.Nano.Cbor;

namespace WasmBox.Nano.Bundle.Tests;

/// <summary>The COSE_Sign1 envelope and the checks around it: size first, algorithm, shape, digest, image.</summary>
public class EnvelopeTests
{
    private static readonly byte[] Image = ImageCodec.Encode(Samples.Image());
    private static readonly byte[] Manifest = ManifestCodec.Encode(Samples.CompleteManifest(Image));

    [Theory]
    [InlineData("a1013822")]       // {1: -35}, ES384
    [InlineData("a10127")]         // {1: -8}, EdDSA
    [InlineData("a20126044101")]   // ES256 plus a kid
    [InlineData("a0")]             // no algorithm
    [InlineData("")]
    [InlineData("a1012601")]       // ES256 followed by a stray byte
    public void A_protected_header_other_than_es256_alone_is_an_unsupported_algorithm(string header)
    {
        byte[] bundle = Envelope(Convert.FromHexString(header), w => w.WriteMapStart(0), Manifest, Signature(Manifest), Image);

        Assert.Null(Samples.Open(bundle, Tenants.Both, out BundleError error, out string detail));
        Assert.Equal(BundleError.UnsupportedAlgorithm, error);
        Assert.Contains("ES256", detail);
    }

    [Fact]
    public void An_oversized_bundle_is_refused_before_any_parsing()
    {
        // Garbage would be Malformed; TooLarge shows the size is checked first.
        byte[] garbage = Enumerable.Repeat((byte)0xff, BundleReader.MaxBundleBytes + 1).ToArray();
        Assert.Null(Samples.Open(garbage, Tenants.Both, out BundleError error, out string detail));
        Assert.Equal(BundleError.TooLarge, error);
        Assert.Contains(BundleReader.MaxBundleBytes.ToString(), detail);

        byte[] atLimit = garbage[..BundleReader.MaxBundleBytes];
        Assert.Null(Samples.Open(atLimit, Tenants.Both, out error, out _));
        Assert.Equal(BundleError.Malformed, error);
    }

    [Fact]
    public void A_valid_bundle_padded_past_the_limit_is_too_large()
    {
        byte[] bundle = Samples.Bundle();
        byte[] padded = new byte[BundleReader.MaxBundleBytes + 1];
        bundle.CopyTo(padded, 0);

        Assert.Null(Samples.Open(padded, Tenants.Both, out BundleError error, out _));
        Assert.Equal(BundleError.TooLarge, error);
    }

    [Fact]
    public void The_envelope_shape_is_enforced()
    {
        byte[] signature = Signature(Manifest);
        byte[] header = CoseSign1.ProtectedHeader();
        Assert.Equal(BundleError.None, OpenError(Envelope(header, w => w.WriteMapStart(0), Manifest, signature, Image)));

        Assert.Equal(BundleError.Malformed, OpenError(Envelope(header, w =>
        {
            w.WriteMapStart(1);
            w.WriteUInt(4);
            w.WriteBytes([1]);
        }, Manifest, signature, Image)));
        Assert.Equal(BundleError.Malformed, OpenError(Envelope(header, w => w.WriteMapStart(0), Manifest, signature[..63], Image)));
        Assert.Equal(BundleError.Malformed, OpenError(Envelope(header, w => w.WriteMapStart(0), Manifest, [.. signature, 0], Image)));
        Assert.Equal(BundleError.Malformed, OpenError([.. Envelope(header, w => w.WriteMapStart(0), Manifest, signature, Image), 0]));
        Assert.Equal(BundleError.Malformed, OpenError(Envelope(header, w => w.WriteMapStart(0), Manifest, signature, Image, tag: 98)));
        Assert.Equal(BundleError.Malformed, OpenError(Envelope(header, w => w.WriteMapStart(0), new byte[2049], signature, Image)));
    }

    [Fact]
    public void An_image_that_differs_from_the_manifests_digest_is_refused()
    {
        byte[] otherImage = ImageCodec.Encode(new FunctionImage(Samples.Image().Text, [], [], 0, [new EntryPoint("main", 0)]));
        byte[] bundle = Samples.Raw(Manifest, otherImage, Tenants.KeyA);

        Assert.Null(Samples.Open(bundle, Tenants.Both, out BundleError error, out string detail));
        Assert.Equal(BundleError.DigestMismatch, error);
        Assert.Contains("manifest says", detail);

        Manifest sameSize = Samples.CompleteManifest(Image);
        sameSize.Digest[0] ^= 1;
        Assert.Null(Samples.Open(Samples.Raw(ManifestCodec.Encode(sameSize), Image, Tenants.KeyA), Tenants.Both, out error, out detail));
        Assert.Equal(BundleError.DigestMismatch, error);
        Assert.Contains("SHA-256", detail);
    }

    [Theory]
    [InlineData("00")]                                 // not an array
    [InlineData("8440404000")]                         // 4 items
    [InlineData("8548950000000000000040400080")]       // no entries
    [InlineData("854895000000000000004040008182616101")] // entry past the text
    [InlineData("8541954040008182616100")]             // text not a multiple of 8
    [InlineData("8548950000000000000040401980018182616100")] // bss over 32 KiB
    public void A_signed_image_that_is_not_a_valid_image_is_bad(string imageHex)
    {
        byte[] image = Convert.FromHexString(imageHex.Replace(" ", ""));
        byte[] bundle = Samples.Raw(ManifestCodec.Encode(Samples.CompleteManifest(image)), image, Tenants.KeyA);

        Assert.Null(Samples.Open(bundle, Tenants.Both, out BundleError error, out _));
        Assert.Equal(BundleError.BadImage, error);
    }

    [Fact]
    public void A_hook_naming_an_entry_the_image_lacks_is_refused_after_the_image_opens()
    {
        Manifest m = Samples.CompleteManifest(Image);
        m.Hooks = [new HookRequest { Kind = HookKind.Boot, Entry = 2 }];
        byte[] bundle = Samples.Raw(ManifestCodec.Encode(m), Image, Tenants.KeyA);

        Assert.Null(Samples.Open(bundle, Tenants.Both, out BundleError error, out string detail));
        Assert.Equal(BundleError.BadManifest, error);
        Assert.Contains("hook 0 names entry 2 but the image has 2", detail);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(5, 10)]
    public void A_bad_slice_is_malformed_not_an_exception(int offset, int count)
    {
        Assert.Null(BundleReader.Open(new byte[8], offset, count, Tenants.Both, out _, out BundleError error, out _));
        Assert.Equal(BundleError.Malformed, error);
        Assert.Null(BundleReader.Parse(null!, 0, 0, out error, out _));
        Assert.Equal(BundleError.Malformed, error);
    }

    [Fact]
    public void Every_error_code_has_a_name()
    {
        foreach (BundleError error in Enum.GetValues<BundleError>())
        {
            Assert.NotEqual("unknown", BundleErrorText.Name(error));
        }
    }

    private static BundleError OpenError(byte[] bundle)
    {
        Samples.Open(bundle, Tenants.Both, out BundleError error, out _);
        return error;
    }

    private static byte[] Signature(byte[] manifest) => Samples.Sign(manifest, Tenants.KeyA);

    /// <summary>A bundle written field by field; the signature is over the ES256 header, whatever header is written.</summary>
    private static byte[] Envelope(byte[] header, Action<CborWriter> unprotected, byte[] manifest, byte[] signature, byte[] image, ulong tag = 18)
    {
        var w = new CborWriter();
        w.WriteArrayStart(2);
        w.WriteTag(tag);
        w.WriteArrayStart(4);
        w.WriteBytes(header);
        unprotected(w);
        w.WriteBytes(manifest);
        w.WriteBytes(signature);
        w.WriteBytes(image);
        return w.ToArray();
    }
}
