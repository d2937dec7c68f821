using System.Security.Cryptography;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Bundle.Policies;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Signing.Policies;

/// <summary>What the board owner chooses for a policy; digest and size come from the image.</summary>
public sealed record PolicyFields(string Name, long Sequence, int[] Helpers, string[] Tenants, int InstructionBudget);

/// <summary>
/// Makes signed policy bundles and removals (POLICY-FORMAT.md) with the board owner's key. Each
/// result is opened with the board's <see cref="PolicyBundleReader"/> before it is returned.
/// </summary>
public static class PolicySigner
{
    public static byte[] Sign(FunctionImage image, PolicyFields fields, ECDsa ownerKey)
    {
        byte[] encodedImage = ImageCodec.Encode(image);
        var manifest = new PolicyManifest
        {
            Name = fields.Name,
            Sequence = fields.Sequence,
            Digest = SHA256.HashData(encodedImage),
            ImageSize = encodedImage.Length,
            Helpers = fields.Helpers.Distinct().Order().ToArray(),
            Tenants = fields.Tenants,
            InstructionBudget = fields.InstructionBudget,
        };
        return SignChecked(manifest, encodedImage, ownerKey);
    }

    public static byte[] SignRemoval(string name, long sequence, ECDsa ownerKey) =>
        SignChecked(new PolicyManifest { Name = name, Sequence = sequence, Remove = true }, [], ownerKey);

    private static byte[] SignChecked(PolicyManifest manifest, byte[] encodedImage, ECDsa ownerKey)
    {
        if (ownerKey.KeySize != 256)
        {
            throw new KeyFileException("the signing key is " + ownerKey.KeySize + "-bit; the owner key must be ECDSA P-256");
        }
        byte[] manifestBytes = PolicyManifestCodec.Encode(manifest);
        byte[] signature = ownerKey.SignData(BundleWriter.BytesToSign(manifestBytes), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        byte[] bundle = BundleWriter.Write(manifestBytes, signature, encodedImage);
        if (PolicyBundleReader.Open(bundle, 0, bundle.Length, TenantKeys.PublicPoint(ownerKey), out _, out BundleError error,
                out string detail) is null)
        {
            throw new BundleAuthoringException("a board would refuse this policy (" + BundleErrorText.Name(error) + "): " + detail);
        }
        return bundle;
    }
}
