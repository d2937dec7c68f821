using System.Reflection;
using WasmBox.Nano.Sim.Keys;
using WasmBox.Nano.Sim.Session;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Sim.Demo;

/// <summary>
/// The sample files built into this assembly (tools/samples): the demo's provisioning
/// document, the tenants' committed public keys and the signed bundles. Only public keys
/// travel; bundles are verified with them exactly as a board would.
/// </summary>
public static class DemoFiles
{
    public const string PolicyResource = "samples/policy.demo.json";
    private const string KeyPrefix = "samples/keys/";
    private const string KeySuffix = ".pub.pem";
    private const string BundlePrefix = "samples/bundles/";
    private const string BundleSuffix = ".wbx";

    private static readonly Assembly Resources = typeof(DemoFiles).Assembly;

    public static string PolicyText() => ReadText(PolicyResource);

    /// <summary>The committed public key of every sample tenant.</summary>
    public static MemoryKeyring Keyring()
    {
        var keyring = new MemoryKeyring();
        foreach (string name in Names(KeyPrefix, KeySuffix))
        {
            keyring.Add(name, TenantKeys.ParsePublicKey(ReadText(KeyPrefix + name + KeySuffix), name + KeySuffix));
        }
        return keyring;
    }

    /// <summary>Names of the built-in bundles (file names without .wbx), sorted.</summary>
    public static IReadOnlyList<string> BundleNames => Names(BundlePrefix, BundleSuffix);

    public static NamedBundle Bundle(string name)
    {
        using Stream stream = Open(BundlePrefix + name + BundleSuffix);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new NamedBundle(name + BundleSuffix, copy.ToArray());
    }

    private static List<string> Names(string prefix, string suffix) => Resources.GetManifestResourceNames()
        .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal))
        .Select(n => n[prefix.Length..^suffix.Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    private static string ReadText(string resource)
    {
        using var reader = new StreamReader(Open(resource));
        return reader.ReadToEnd();
    }

    private static Stream Open(string resource) => Resources.GetManifestResourceStream(resource)
        ?? throw new SimSetupException("the sample file " + resource + " is not built into wbx (rebuild after tools/samples is complete)");
}
