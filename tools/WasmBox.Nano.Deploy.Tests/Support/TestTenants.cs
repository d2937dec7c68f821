using System.Security.Cryptography;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Deploy.Tests.Support;

/// <summary>Two tenants with fresh keys, the keyring a board holds for them and the owner's policy.</summary>
internal static class TestTenants
{
    public const string Acme = "acme";
    public const string Globex = "globex";

    /// <summary>Granted every topic ("#"): still only under wbx/{deviceId}/app/.</summary>
    public const string Wide = "wide";

    /// <summary>Accepts only invocations signed with its key ("signedInvokes": true).</summary>
    public const string Vault = "vault";

    public static readonly ECDsa AcmeKey = TenantKeys.Generate();
    public static readonly ECDsa GlobexKey = TenantKeys.Generate();
    public static readonly ECDsa WideKey = TenantKeys.Generate();
    public static readonly ECDsa VaultKey = TenantKeys.Generate();

    public static ITenantKeyring Keyring { get; } = new Keys(new Dictionary<string, byte[]>
    {
        [Acme] = TenantKeys.PublicPoint(AcmeKey),
        [Globex] = TenantKeys.PublicPoint(GlobexKey),
        [Wide] = TenantKeys.PublicPoint(WideKey),
        [Vault] = TenantKeys.PublicPoint(VaultKey),
    });

    /// <summary>acme may read its payload and use acme/# topics; globex alike with globex/#; wide has "#"; vault signs its invocations.</summary>
    public const string Policy = """
        { "tenants": [
          { "id": "acme", "helpers": ["payload_length", "gcoap_resp_init", "coap_get_pdu", "memcpy"], "pins": [], "sensors": [],
            "topics": ["acme/#"], "coapPaths": ["/acme/"],
            "limits": { "maxContainers": 4, "maxImageBytes": 4096, "ramBytes": 65536, "instructionsPerRun": 10000,
                        "branchesPerRun": 1000, "runsPerSecond": 100, "helperCallsPerSecond": 1000 } },
          { "id": "globex", "helpers": ["payload_length"], "pins": [], "sensors": [],
            "topics": ["globex/#"], "coapPaths": ["/globex/"],
            "limits": { "maxContainers": 2, "maxImageBytes": 2048, "ramBytes": 32768, "instructionsPerRun": 5000,
                        "branchesPerRun": 500, "runsPerSecond": 50, "helperCallsPerSecond": 500 } },
          { "id": "wide", "helpers": ["payload_length"], "pins": [], "sensors": [], "topics": ["#"],
            "limits": { "maxContainers": 1, "maxImageBytes": 2048, "ramBytes": 32768, "instructionsPerRun": 5000,
                        "branchesPerRun": 500, "runsPerSecond": 50, "helperCallsPerSecond": 500 } },
          { "id": "vault", "helpers": ["payload_length"], "topics": ["vault/#"], "signedInvokes": true,
            "limits": { "maxContainers": 1, "maxImageBytes": 2048, "ramBytes": 32768, "instructionsPerRun": 5000,
                        "branchesPerRun": 500, "runsPerSecond": 50, "helperCallsPerSecond": 500 } } ] }
        """;

    private sealed class Keys(Dictionary<string, byte[]> keys) : ITenantKeyring
    {
        public byte[]? PublicKeyOf(string tenant) => keys.GetValueOrDefault(tenant);
    }
}
