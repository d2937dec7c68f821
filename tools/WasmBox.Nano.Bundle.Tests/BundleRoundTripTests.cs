using System.Security.Cryptography;
using WasmBox.Nano.Bundle.Tests.Support;
using WasmBox.Nano.Signing;
using WasmBox.Nano.Signing.Checking;
using WasmBox.Nano.Signing.Keys;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Bundle.Tests;

/// <summary>What the signer packs, the board's reader opens unchanged; what a board would refuse is never packed.</summary>
public class BundleRoundTripTests
{
    [Fact]
    public void Pack_then_open_gives_back_every_manifest_field_and_the_image()
    {
        byte[] bundle = Samples.Bundle();

        FunctionImage? image = BundleReader.Open(bundle, 0, bundle.Length, Tenants.Both, out ParsedBundle parsed, out BundleError error, out string detail);

        Assert.True(error == BundleError.None, detail);
        Manifest m = parsed.Manifest;
        Manifest expected = Samples.Fields();
        Assert.Equal((expected.Tenant, expected.Slot, expected.Sequence, expected.Name), (m.Tenant, m.Slot, m.Sequence, m.Name));
        Assert.Equal(Describe(expected.Hooks), Describe(m.Hooks));
        Assert.Equal(expected.Pins.Select(p => (p.Pin, p.Mode)), m.Pins.Select(p => (p.Pin, p.Mode)));
        Assert.Equal(expected.Sensors, m.Sensors);
        Assert.Equal((5000, 500, 2048, 2), (m.InstructionsPerRun, m.BranchesPerRun, m.RamBytes, m.StackFrames));
        FunctionImage original = Samples.Image();
        Assert.NotNull(image);
        Assert.Equal(original.Text, image.Text);
        Assert.Equal(original.Rodata, image.Rodata);
        Assert.Equal(original.Data, image.Data);
        Assert.Equal(original.BssSize, image.BssSize);
        Assert.Equal(original.Entries.Select(e => (e.Name, e.Index)), image.Entries.Select(e => (e.Name, e.Index)));
    }

    [Fact]
    public void Digest_size_and_helpers_come_from_the_image_never_from_the_caller()
    {
        Manifest fields = Samples.Fields();
        fields.Helpers = [99];
        fields.Digest = new byte[32];
        fields.ImageSize = 1;

        byte[] bundle = BundleSigner.Sign(Samples.Image(), fields, Tenants.KeyA);

        Manifest m = BundleReader.Parse(bundle, 0, bundle.Length, out _, out _).Manifest;
        byte[] encodedImage = ImageCodec.Encode(Samples.Image());
        Assert.Equal([1, 16], m.Helpers);
        Assert.Equal(encodedImage.Length, m.ImageSize);
        Assert.Equal(SHA256.HashData(encodedImage), m.Digest);
        Assert.Equal([99], fields.Helpers);
    }

    [Fact]
    public void The_signed_manifest_is_deterministic_cbor()
    {
        byte[] bundle = Samples.Bundle();
        ParsedBundle parsed = BundleReader.Parse(bundle, 0, bundle.Length, out _, out _);

        Assert.Equal(ManifestCodec.Encode(parsed.Manifest), parsed.ManifestBytes());
    }

    [Fact]
    public void The_signature_is_plain_es256_that_dotnet_verifies()
    {
        byte[] bundle = Samples.Bundle();
        ParsedBundle parsed = BundleReader.Parse(bundle, 0, bundle.Length, out _, out _);
        byte[] image = ImageCodec.Encode(Samples.Image());
        int at = Samples.SignatureOffset(bundle, image.Length);
        byte[] signature = bundle[at..(at + 64)];

        Assert.True(Tenants.KeyA.VerifyData(BundleWriter.BytesToSign(parsed.ManifestBytes()), signature,
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void The_checker_accepts_a_good_bundle_at_every_stage()
    {
        BundleReport report = BundleChecker.Check(Samples.Bundle(), Tenants.Both);

        Assert.True(report.Accepted);
        Assert.Null(report.Problem);
        Assert.Equal(SignatureStatus.Verified, report.Signature);
        Assert.Equal(DigestStatus.Matches, report.Digest);
        Assert.Equal([1, 16], report.Preflight!.Program.HelperIds.Order());
    }

    [Fact]
    public void Without_a_key_the_checker_still_shows_everything_but_accepts_nothing()
    {
        BundleReport report = BundleChecker.Check(Samples.Bundle(), keys: null);

        Assert.False(report.Accepted);
        Assert.Null(report.Problem);
        Assert.Equal(SignatureStatus.NotChecked, report.Signature);
        Assert.NotNull(report.Image);
    }

    [Fact]
    public void Code_calling_an_undeclared_helper_fails_the_preflight_check()
    {
        byte[] image = ImageCodec.Encode(Samples.Image());
        Manifest m = Samples.CompleteManifest(image);
        m.Helpers = [1];
        byte[] bundle = Samples.Raw(ManifestCodec.Encode(m), image, Tenants.KeyA);

        BundleReport report = BundleChecker.Check(bundle, Tenants.Both);

        Assert.False(report.Accepted);
        Assert.Equal(BundleReport.PreflightFailed, report.Problem!.Value.Code);
        Assert.Equal(VerifyError.HelperNotGranted, report.Preflight!.Error);
        Assert.Contains("helper 16 is not granted", report.Problem.Value.Detail);
    }

    [Fact]
    public void Code_the_verifier_refuses_is_never_signed()
    {
        var image = new FunctionImage(Asm.Assembler.Assemble("mov %r0, 1"), [], [], 0, [new EntryPoint("main", 0)]);

        var e = Assert.Throws<BundleAuthoringException>(() => BundleSigner.Sign(image, Samples.Fields(), Tenants.KeyA));
        Assert.Contains("fails the VM verifier", e.Message);
    }

    [Theory]
    [InlineData("timer", "hook 0: timer period must be at least 10 ms")]
    [InlineData("entry", "hook 0 names entry 5 but the image has 2")]
    [InlineData("slot", "slot must be 0-255")]
    [InlineData("sequence", "sequence must be 1 to 2^63-1")]
    [InlineData("name", "name must be text of at most 32 bytes")]
    public void A_field_a_board_would_refuse_is_refused_when_signing(string field, string message)
    {
        Manifest fields = Samples.Fields();
        switch (field)
        {
            case "timer": fields.Hooks = [new HookRequest { Kind = HookKind.Timer, PeriodMs = 5 }]; break;
            case "entry": fields.Hooks = [new HookRequest { Kind = HookKind.Boot, Entry = 5 }]; break;
            case "slot": fields.Slot = 256; break;
            case "sequence": fields.Sequence = 0; break;
            default: fields.Name = new string('n', 33); break;
        }

        var e = Assert.Throws<BundleAuthoringException>(() => BundleSigner.Sign(Samples.Image(), fields, Tenants.KeyA));
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("")]
    [InlineData("a/b")]
    public void Tenant_ids_must_be_identifiers(string tenant)
    {
        Assert.Throws<BundleAuthoringException>(() => BundleSigner.Sign(Samples.Image(), Samples.Fields(tenant), Tenants.KeyA));
    }

    [Fact]
    public void Only_p256_keys_sign()
    {
        using ECDsa p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var e = Assert.Throws<KeyFileException>(() => BundleSigner.Sign(Samples.Image(), Samples.Fields(), p384));
        Assert.Contains("P-256", e.Message);
    }

    [Fact]
    public void A_bundle_inside_a_larger_buffer_opens_from_its_slice()
    {
        byte[] bundle = Samples.Bundle();
        byte[] buffer = new byte[bundle.Length + 20];
        bundle.CopyTo(buffer, 7);

        FunctionImage? image = BundleReader.Open(buffer, 7, bundle.Length, Tenants.Both, out _, out BundleError error, out string detail);

        Assert.True(image is not null, error + ": " + detail);
    }

    private static string[] Describe(HookRequest[] hooks) =>
        hooks.Select(h => h.Kind + "/" + h.PeriodMs + "/" + h.Pin + "/" + h.Edge + "/" + h.Path + "/" + h.Entry).ToArray();
}
