using System.Security.Cryptography;
using WasmBox.Nano.Asm;
using WasmBox.Nano.Bundle;

namespace WasmBox.Nano.Update.Tests.Support;

/// <summary>Tenant key pairs, and bundles and commands signed with them as host tools sign.</summary>
public sealed class TestSigner
{
    private readonly Dictionary<string, ECDsa> _keys = new(StringComparer.Ordinal);

    public ECDsa KeyOf(string tenant)
    {
        if (!_keys.TryGetValue(tenant, out ECDsa? key))
        {
            _keys[tenant] = key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        }
        return key;
    }

    /// <summary>A keyring with the public keys of <paramref name="tenants"/>.</summary>
    public Keyring Keyring(params string[] tenants)
    {
        var keyring = new Keyring();
        foreach (string tenant in tenants)
        {
            ECParameters p = KeyOf(tenant).ExportParameters(false);
            keyring.Keys[tenant] = [0x04, .. p.Q.X!, .. p.Q.Y!];
        }
        return keyring;
    }

    public byte[] Sign(byte[] toSign, string signer) =>
        KeyOf(signer).SignData(toSign, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>A bundle of <paramref name="image"/> under <paramref name="fields"/>, digest, size and helpers filled in.</summary>
    public byte[] Bundle(FunctionImage image, Manifest fields, string? signer = null)
    {
        byte[] encodedImage = ImageCodec.Encode(image);
        return BundleOfEncodedImage(encodedImage, fields, signer, HelperCalls.Of(image.Text));
    }

    /// <summary>Signs a manifest over arbitrary image bytes (for malformed images).</summary>
    public byte[] BundleOfEncodedImage(byte[] encodedImage, Manifest fields, string? signer = null, int[]? helpers = null)
    {
        fields.Digest = SHA256.HashData(encodedImage);
        fields.ImageSize = encodedImage.Length;
        fields.Helpers = helpers ?? [];
        byte[] manifest = ManifestCodec.Encode(fields);
        return BundleWriter.Write(manifest, Sign(BundleWriter.BytesToSign(manifest), signer ?? fields.Tenant), encodedImage);
    }

    /// <summary>Signs raw manifest bytes (for manifests the codec would never write).</summary>
    public byte[] BundleOfManifest(byte[] manifest, byte[] encodedImage, string signer) =>
        BundleWriter.Write(manifest, Sign(BundleWriter.BytesToSign(manifest), signer), encodedImage);

    public byte[] Command(string tenant, int slot, long sequence, int action, string? signer = null)
    {
        byte[] command = CommandWriter.Encode(tenant, slot, sequence, action);
        return CommandWriter.Write(command, Sign(CommandWriter.BytesToSign(command), signer ?? tenant));
    }

    public byte[] Remove(string tenant, int slot, long sequence) => Command(tenant, slot, sequence, CommandAction.Remove);

    public byte[] Rollback(string tenant, int slot, long sequence) => Command(tenant, slot, sequence, CommandAction.Rollback);

    public static FunctionImage Image(string assembly) =>
        new(Assembler.Assemble(assembly), [], [], 0, [new EntryPoint("main", 0)]);

    public static Manifest Fields(string tenant, int slot, long sequence, string name = "blinker") =>
        new() { Tenant = tenant, Slot = slot, Sequence = sequence, Name = name };
}

public sealed class Keyring : ITenantKeyring
{
    public Dictionary<string, byte[]> Keys { get; } = new(StringComparer.Ordinal);

    public byte[]? PublicKeyOf(string tenant) => Keys.GetValueOrDefault(tenant);
}
