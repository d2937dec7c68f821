using System.Text.Json;
using WasmBox.Nano.Crypto.Tests.Support;
using Xunit.Abstractions;

namespace WasmBox.Nano.Crypto.Tests;

/// <summary>
/// Wycheproof ECDSA P-256/SHA-256 vectors: "valid" must verify, "invalid" must not.
/// "acceptable" (legacy encodings some libraries tolerate) counts as passed whatever the verdict,
/// which is reported; the current files hold none, and this verifier accepts only strict
/// P1363 / DER, so such vectors would be rejected.
/// </summary>
public class EcdsaWycheproofTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void P1363_AllVectors() =>
        RunFile("ecdsa_secp256r1_sha256_p1363_test.json", signature => signature);

    [SkippableFact]
    public void Der_AllVectors() =>
        RunFile("ecdsa_secp256r1_sha256_test.json", der =>
        {
            byte[] raw = new byte[EcdsaP256Verifier.SignatureSize];
            return EcdsaDerSignature.TryDecode(der, 0, der.Length, raw) ? raw : null;
        });

    /// <param name="toRaw">Signature as stored in the file to raw r || s, or null when it does not decode.</param>
    private void RunFile(string fileName, Func<byte[], byte[]?> toRaw)
    {
        using JsonDocument? document = Wycheproof.TryLoad(fileName);
        Skip.If(document is null, Wycheproof.MissingMessage(fileName));

        var verifier = new EcdsaP256Verifier();
        int passed = 0, total = 0, acceptable = 0, acceptableVerified = 0;
        var failures = new List<string>();
        foreach (var (group, test) in Wycheproof.Tests(document!))
        {
            total++;
            byte[] publicKey = Convert.FromHexString(group.GetProperty("publicKey").GetProperty("uncompressed").GetString()!);
            byte[] message = Wycheproof.Hex(test, "msg");
            byte[]? signature = toRaw(Wycheproof.Hex(test, "sig"));
            bool verified = signature is not null && verifier.Verify(publicKey, message, 0, message.Length, signature);

            string result = test.GetProperty("result").GetString()!;
            if (result == "acceptable")
            {
                acceptable++;
                acceptableVerified += verified ? 1 : 0;
                passed++;
            }
            else if (verified == (result == "valid"))
            {
                passed++;
            }
            else
            {
                failures.Add($"{Wycheproof.Describe(test)}: expected {result}, verified={verified}");
            }
        }

        output.WriteLine($"Wycheproof {fileName}: {passed}/{total} passed"
            + $" ({acceptable} acceptable, of which {acceptableVerified} verified)");
        Assert.True(failures.Count == 0, string.Join("; ", failures));
        Assert.True(total > 0);
    }
}
