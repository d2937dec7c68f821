using System.Security.Cryptography;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Signing.Checking;
using WasmBox.Nano.Signing.Keyrings;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Signing;

/// <summary>
/// Makes a signed bundle (BUNDLE-FORMAT.md) from an image, the manifest fields a tenant chooses
/// and the tenant's private key. The fields that describe the code are never taken from the
/// caller: digest and size come from the encoded image, the helper list from the bytecode.
/// The result is opened with <see cref="BundleReader"/> before it is returned, so a bundle a
/// board would refuse is never produced.
/// </summary>
public static class BundleSigner
{
    public static byte[] Sign(FunctionImage image, Manifest fields, ECDsa privateKey)
    {
        if (privateKey.KeySize != 256)
        {
            throw new KeyFileException("the signing key is " + privateKey.KeySize + "-bit; tenant keys must be ECDSA P-256");
        }
        if (!ManifestCodec.IsIdentifier(fields.Tenant))
        {
            throw new BundleAuthoringException("tenant '" + fields.Tenant + "' must be 1-32 characters of a-z, 0-9, '-' and '_'");
        }
        byte[] encodedImage = ImageCodec.Encode(image);
        Manifest manifest = Describe(fields, encodedImage, Preflight.CalledHelpers(image.Text));
        byte[] manifestBytes = ManifestCodec.Encode(manifest);
        byte[] signature = privateKey.SignData(BundleWriter.BytesToSign(manifestBytes), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        byte[] bundle = BundleWriter.Write(manifestBytes, signature, encodedImage);
        RequireAccepted(bundle, TenantKeys.PublicPoint(privateKey));
        return bundle;
    }

    /// <summary>A copy of the caller's fields completed with what the image itself determines.</summary>
    private static Manifest Describe(Manifest fields, byte[] encodedImage, int[] calledHelpers) => new()
    {
        Tenant = fields.Tenant,
        Slot = fields.Slot,
        Sequence = fields.Sequence,
        Digest = SHA256.HashData(encodedImage),
        ImageSize = encodedImage.Length,
        Name = fields.Name ?? "",
        Hooks = fields.Hooks,
        Helpers = calledHelpers,
        Pins = fields.Pins,
        Sensors = fields.Sensors,
        I2c = fields.I2c,
        Spi = fields.Spi,
        Uart = fields.Uart,
        Pwm = fields.Pwm,
        Adc = fields.Adc,
        InstructionsPerRun = fields.InstructionsPerRun,
        BranchesPerRun = fields.BranchesPerRun,
        RamBytes = fields.RamBytes,
        StackFrames = fields.StackFrames,
    };

    private static void RequireAccepted(byte[] bundle, byte[] publicPoint)
    {
        BundleReader.Open(bundle, 0, bundle.Length, new SingleKeyKeyring(publicPoint), out _, out BundleError error, out string detail);
        if (error != BundleError.None)
        {
            throw new BundleAuthoringException("a board would refuse this bundle (" + BundleErrorText.Name(error) + "): " + detail);
        }
    }
}
