using System.Security.Cryptography;
using WasmBox.Nano.Asm;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Sim.Keys;

namespace WasmBox.Nano.Sim.Tests.Support;

/// <summary>
/// Signed bundles built from hand-assembled programs, with full control over the manifest
/// (including a helper list that disagrees with the code, which a real signer never writes).
/// </summary>
public sealed class TestBundles
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

    /// <summary>A keyring holding the public keys of <paramref name="tenants"/>.</summary>
    public MemoryKeyring Keyring(params string[] tenants)
    {
        var keyring = new MemoryKeyring();
        foreach (string tenant in tenants)
        {
            ECParameters p = KeyOf(tenant).ExportParameters(false);
            keyring.Add(tenant, [0x04, .. p.Q.X!, .. p.Q.Y!]);
        }
        return keyring;
    }

    public static FunctionImage Image(string assembly, byte[]? data = null, int bss = 0, params EntryPoint[] entries) =>
        new(Assembler.Assemble(assembly), [], data ?? [], bss, entries.Length == 0 ? [new EntryPoint("main", 0)] : entries);

    /// <summary>Manifest fields for <paramref name="tenant"/>; helpers default to exactly those the code calls.</summary>
    public static Manifest Fields(string tenant, string name, params HookRequest[] hooks) =>
        new() { Tenant = tenant, Slot = 0, Sequence = 1, Name = name, Hooks = hooks };

    public static HookRequest Timer(int periodMs) => new() { Kind = HookKind.Timer, PeriodMs = periodMs };

    public static HookRequest Edge(int pin, int edge = 3) => new() { Kind = HookKind.GpioEdge, Pin = pin, Edge = edge };

    public static HookRequest Mqtt(string filter) => new() { Kind = HookKind.Mqtt, Path = filter };

    /// <summary>Signs with <paramref name="signer"/>'s key (default: the manifest's tenant).</summary>
    public byte[] Sign(FunctionImage image, Manifest fields, string? signer = null, int[]? declaredHelpers = null)
    {
        byte[] encodedImage = ImageCodec.Encode(image);
        fields.Digest = SHA256.HashData(encodedImage);
        fields.ImageSize = encodedImage.Length;
        fields.Helpers = declaredHelpers ?? CalledHelpers(image.Text);
        byte[] manifest = ManifestCodec.Encode(fields);
        byte[] signature = KeyOf(signer ?? fields.Tenant).SignData(BundleWriter.BytesToSign(manifest), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return BundleWriter.Write(manifest, signature, encodedImage);
    }

    private static int[] CalledHelpers(byte[] text) => Update.HelperCalls.Of(text);
}
