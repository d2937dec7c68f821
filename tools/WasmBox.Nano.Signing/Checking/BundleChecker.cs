using WasmBox.Nano.Bundle;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Signing.Checking;

/// <summary>
/// Checks a bundle with the device's own code. The verdict comes from <see cref="BundleReader.Open"/>
/// itself, followed by the VM verifier against the manifest's helper list; the stages are also
/// run one by one (<see cref="BundleReader.Parse"/>, <see cref="BundleReader.VerifySignature"/>,
/// <see cref="BundleReader.OpenImage"/>) so a report can show the image of a bundle whose
/// signature was not checked or failed.
/// </summary>
public static class BundleChecker
{
    /// <param name="keys">The keyring to verify the signature with, or null to leave it unchecked.</param>
    public static BundleReport Check(byte[] bundle, ITenantKeyring? keys)
    {
        ParsedBundle parsed = BundleReader.Parse(bundle, 0, bundle.Length, out BundleError error, out string detail);
        if (parsed is null)
        {
            return new BundleReport(bundle.Length, error, detail, null, SignatureStatus.NotChecked, DigestStatus.NotChecked, null, null);
        }
        Manifest manifest = parsed.Manifest;
        SignatureStatus signature = CheckSignature(parsed, keys);
        FunctionImage image = BundleReader.OpenImage(parsed, out BundleError imageError, out string imageDetail);
        DigestStatus digest = imageError == BundleError.DigestMismatch ? DigestStatus.Mismatch : DigestStatus.Matches;
        VerifyResult? preflight = image is null ? null : Preflight.CheckAgainst(manifest, image.Text);

        (error, detail) = (imageError, imageDetail);
        if (keys is not null)
        {
            BundleReader.Open(bundle, 0, bundle.Length, keys, out _, out error, out detail);
        }
        return new BundleReport(bundle.Length, error, detail, manifest, signature, digest, image, preflight);
    }

    private static SignatureStatus CheckSignature(ParsedBundle parsed, ITenantKeyring? keys)
    {
        if (keys is null)
        {
            return SignatureStatus.NotChecked;
        }
        byte[]? key = keys.PublicKeyOf(parsed.Manifest.Tenant);
        if (key is null)
        {
            return SignatureStatus.UnknownTenant;
        }
        return BundleReader.VerifySignature(parsed, key) ? SignatureStatus.Verified : SignatureStatus.Invalid;
    }
}
