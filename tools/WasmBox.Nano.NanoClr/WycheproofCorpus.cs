using System.Text.Json;

namespace WasmBox.Nano.NanoClr;

/// <summary>
/// Wycheproof's ECDSA P-256/SHA-256 (raw and DER) and HMAC-SHA256 vectors (../shared/conformance/wycheproof)
/// as generated device test projects: one test method per vector through the device crypto
/// (nftests/WasmBox.Nano.Crypto.NfTests/Support/WycheproofCase.cs). "valid" must verify, "invalid" must not.
/// </summary>
internal static class WycheproofCorpus
{
    public const string SuitePrefix = "wycheproof-";

    static readonly (string File, string Kind)[] Files =
    [
        ("ecdsa_secp256r1_sha256_p1363_test.json", "p1363"),
        ("ecdsa_secp256r1_sha256_test.json", "der"),
        ("hmac_sha256_test.json", "hmac"),
    ];

    /// <summary>The vector folder beside the repository, or null when absent.</summary>
    public static string? Find(string repositoryRoot)
    {
        var folder = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "conformance", "wycheproof"));
        return Files.All(f => File.Exists(Path.Combine(folder, f.File))) ? folder : null;
    }

    public static IReadOnlyList<string> Generate(string vectorsDirectory, string repositoryRoot, string outputDirectory, out int vectorCount)
    {
        var calls = new List<(string Name, string Call)>();
        foreach (var (file, kind) in Files)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(vectorsDirectory, file)));
            foreach (var group in document.RootElement.GetProperty("testGroups").EnumerateArray())
            {
                foreach (var test in group.GetProperty("tests").EnumerateArray())
                {
                    string result = test.GetProperty("result").GetString()!;
                    if (result != "valid" && result != "invalid")
                        throw new InvalidDataException($"{file} tcId {test.GetProperty("tcId").GetInt32()}: result '{result}' has no fixed verdict");
                    string valid = result == "valid" ? "true" : "false";
                    string Hex(string property) => test.GetProperty(property).GetString()!;
                    string call = kind == "hmac"
                        ? $"WycheproofCase.Hmac(\"{Hex("key")}\", \"{Hex("msg")}\", \"{Hex("tag")}\", {group.GetProperty("tagSize").GetInt32() / 8}, {valid});"
                        : $"WycheproofCase.Ecdsa(\"{group.GetProperty("publicKey").GetProperty("uncompressed").GetString()}\", \"{Hex("msg")}\", \"{Hex("sig")}\", {(kind == "der" ? "true" : "false")}, {valid});";
                    calls.Add(($"{kind}_tc{test.GetProperty("tcId").GetInt32()}", call));
                }
            }
        }
        vectorCount = calls.Count;
        var support = Path.Combine(repositoryRoot, "nftests", "WasmBox.Nano.Crypto.NfTests", "Support");
        string[] supportFiles = [Path.Combine(support, "WycheproofCase.cs"), Path.Combine(support, "TestBytes.cs")];
        string[] references = [Path.Combine(repositoryRoot, "src", "WasmBox.Nano.Crypto", "WasmBox.Nano.Crypto.nfproj")];
        return GeneratedSuite.WriteTestMethods(outputDirectory, SuitePrefix, "WasmBox.Nano.Crypto.NfTests", "Wycheproof", calls, supportFiles, references);
    }
}
