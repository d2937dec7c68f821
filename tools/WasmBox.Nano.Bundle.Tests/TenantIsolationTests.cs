using WasmBox.Nano.Bundle.Tests.Support;
using WasmBox.Nano.Signing.Checking;

namespace WasmBox.Nano.Bundle.Tests;

/// <summary>The manifest's tenant picks the key: a bundle signed by tenant A never verifies as tenant B.</summary>
public class TenantIsolationTests
{
    [Fact]
    public void Each_tenants_own_bundle_verifies_with_its_own_key()
    {
        Assert.NotNull(Samples.Open(Samples.Bundle(Tenants.A, Tenants.KeyA), Tenants.Both, out _, out _));
        Assert.NotNull(Samples.Open(Samples.Bundle(Tenants.B, Tenants.KeyB), Tenants.Both, out _, out _));
    }

    [Fact]
    public void Tenant_a_signing_a_manifest_that_claims_tenant_b_is_refused()
    {
        byte[] forged = Samples.Bundle(tenant: Tenants.B, key: Tenants.KeyA);

        Assert.Null(Samples.Open(forged, Tenants.Both, out BundleError error, out string detail));
        Assert.Equal(BundleError.BadSignature, error);
        Assert.Contains(Tenants.B, detail);
        Assert.Equal(SignatureStatus.Invalid, BundleChecker.Check(forged, Tenants.Both).Signature);
    }

    [Fact]
    public void Tenant_as_signature_grafted_onto_tenant_bs_manifest_is_refused()
    {
        byte[] genuineB = Samples.Bundle(Tenants.B, Tenants.KeyB);
        ParsedBundle parsed = BundleReader.Parse(genuineB, 0, genuineB.Length, out _, out _);
        byte[] manifest = parsed.ManifestBytes();
        byte[] grafted = Samples.Raw(manifest, ImageCodec.Encode(Samples.Image()), Tenants.KeyA);

        Assert.Null(Samples.Open(grafted, Tenants.Both, out BundleError error, out _));
        Assert.Equal(BundleError.BadSignature, error);
    }

    [Fact]
    public void A_keyring_that_holds_another_tenants_key_for_a_refuses_as_bundles()
    {
        var swapped = new MapKeyring(new() { [Tenants.A] = Tenants.PointB, [Tenants.B] = Tenants.PointA });

        Assert.Null(Samples.Open(Samples.Bundle(Tenants.A, Tenants.KeyA), swapped, out BundleError error, out _));
        Assert.Equal(BundleError.BadSignature, error);
    }

    [Fact]
    public void A_tenant_without_a_provisioned_key_is_unknown()
    {
        var onlyA = new MapKeyring(new() { [Tenants.A] = Tenants.PointA });
        byte[] bundle = Samples.Bundle(Tenants.B, Tenants.KeyB);

        Assert.Null(Samples.Open(bundle, onlyA, out BundleError error, out string detail));
        Assert.Equal(BundleError.UnknownTenant, error);
        Assert.Contains(Tenants.B, detail);
        Assert.Equal(SignatureStatus.UnknownTenant, BundleChecker.Check(bundle, onlyA).Signature);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(64)]
    [InlineData(66)]
    public void A_malformed_provisioned_key_refuses_without_throwing(int length)
    {
        var broken = new MapKeyring(new() { [Tenants.A] = new byte[length] });

        Assert.Null(Samples.Open(Samples.Bundle(), broken, out BundleError error, out _));
        Assert.Equal(BundleError.BadSignature, error);
    }
}
