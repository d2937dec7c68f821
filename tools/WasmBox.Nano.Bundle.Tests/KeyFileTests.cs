using System.Runtime.Versioning;
using System.Security.Cryptography;
using WasmBox.Nano.Bundle.Tests.Support;
using WasmBox.Nano.Signing.Keyrings;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Bundle.Tests;

/// <summary>Tenant key files: P-256 PEM pairs in, the device's 65-byte point out, anything else refused by name.</summary>
public class KeyFileTests
{
    [Fact]
    public void A_written_pair_loads_back_as_the_same_key()
    {
        using var dir = new TempDirectory();
        using ECDsa key = TenantKeys.Generate();

        KeyPairFiles.Write(dir.Path, "acme", key, overwrite: false);

        using ECDsa loaded = TenantKeys.LoadPrivateKey(dir.File("acme.key.pem"));
        byte[] point = TenantKeys.LoadPublicKey(dir.File("acme.pub.pem"));
        Assert.Equal(TenantKeys.PublicPoint(key), point);
        Assert.Equal(point, TenantKeys.PublicPoint(loaded));
        Assert.Equal(65, point.Length);
        Assert.Equal(0x04, point[0]);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(dir.File("acme.key.pem")));
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", File.ReadAllText(dir.File("acme.pub.pem")));
    }

    [Fact]
    public void The_point_is_what_the_portable_verifier_checks_dotnet_signatures_with()
    {
        using ECDsa key = TenantKeys.Generate();
        byte[] message = "bundle"u8.ToArray();
        byte[] signature = key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        Assert.True(Crypto.EcdsaP256.Verify(TenantKeys.PublicPoint(key), message, 0, message.Length, signature));
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void The_private_key_file_is_readable_by_its_owner_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        using var dir = new TempDirectory();
        using ECDsa key = TenantKeys.Generate();
        File.WriteAllText(dir.File("acme.key.pem"), "old");
        File.SetUnixFileMode(dir.File("acme.key.pem"), (UnixFileMode)0b110_100_100);

        KeyPairFiles.Write(dir.Path, "acme", key, overwrite: true);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(dir.File("acme.key.pem")));
    }

    [Fact]
    public void Existing_files_are_not_replaced_without_overwrite()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("acme.pub.pem"), "keep me");
        using ECDsa key = TenantKeys.Generate();

        Assert.Throws<IOException>(() => KeyPairFiles.Write(dir.Path, "acme", key, overwrite: false));

        Assert.Equal("keep me", File.ReadAllText(dir.File("acme.pub.pem")));
        Assert.False(File.Exists(dir.File("acme.key.pem")));
    }

    public static TheoryData<string, string> WrongKeys()
    {
        using RSA rsa = RSA.Create(2048);
        using ECDsa p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using ECDsa p256 = TenantKeys.Generate();
        return new()
        {
            { rsa.ExportPkcs8PrivateKeyPem(), "RSA" },
            { p384.ExportPkcs8PrivateKeyPem(), "tenant keys must be P-256" },
            { p256.ExportECPrivateKeyPem(), "SEC1" },
            { p256.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000)), "encrypted" },
            { p256.ExportSubjectPublicKeyInfoPem(), "is a public key" },
            { "-----BEGIN PRIVATE KEY-----\nAAECAwQ=\n-----END PRIVATE KEY-----\n", "not a valid PKCS#8 private key" },
            { "not a key at all", "no PEM block" },
            { "-----BEGIN CERTIFICATE-----\nAAECAwQ=\n-----END CERTIFICATE-----\n", "\"CERTIFICATE\"" },
        };
    }

    [Theory]
    [MemberData(nameof(WrongKeys))]
    public void Anything_but_a_p256_pkcs8_private_key_is_refused_by_name(string pem, string message)
    {
        var e = Assert.Throws<KeyFileException>(() => TenantKeys.ParsePrivateKey(pem, "k.pem"));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("k.pem: ", e.Message);
    }

    [Fact]
    public void Public_keys_of_other_kinds_are_refused_by_name()
    {
        using RSA rsa = RSA.Create(2048);
        using ECDsa p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using ECDsa p256 = TenantKeys.Generate();

        Assert.Contains("RSA", Assert.Throws<KeyFileException>(() => TenantKeys.ParsePublicKey(rsa.ExportSubjectPublicKeyInfoPem(), "k")).Message);
        Assert.Contains("P-256", Assert.Throws<KeyFileException>(() => TenantKeys.ParsePublicKey(p384.ExportSubjectPublicKeyInfoPem(), "k")).Message);
        Assert.Contains("is a private key", Assert.Throws<KeyFileException>(() => TenantKeys.ParsePublicKey(p256.ExportPkcs8PrivateKeyPem(), "k")).Message);
    }

    [Fact]
    public void Missing_key_files_and_directories_are_named()
    {
        using var dir = new TempDirectory();
        Assert.Contains("key file not found", Assert.Throws<KeyFileException>(() => TenantKeys.LoadPublicKey(dir.File("none.pem"))).Message);
        Assert.Contains("is a directory", Assert.Throws<KeyFileException>(() => TenantKeys.LoadPrivateKey(dir.Path)).Message);
        Assert.Contains("keyring directory not found", Assert.Throws<KeyFileException>(() => new DirectoryKeyring(dir.File("none"))).Message);
    }

    [Fact]
    public void The_directory_keyring_maps_tenants_to_their_pub_files_and_nothing_else()
    {
        using var dir = new TempDirectory();
        using ECDsa key = TenantKeys.Generate();
        KeyPairFiles.Write(dir.Path, "acme", key, overwrite: false);
        var keyring = new DirectoryKeyring(dir.Path);

        Assert.Equal(TenantKeys.PublicPoint(key), keyring.PublicKeyOf("acme"));
        Assert.Null(keyring.PublicKeyOf("globex"));
        Assert.Null(keyring.PublicKeyOf("../acme"));
        Assert.Null(keyring.PublicKeyOf("acme.key"));
    }

    [Fact]
    public void A_key_source_is_one_key_or_one_keyring_never_both()
    {
        using var dir = new TempDirectory();
        Assert.Null(KeySource.From(null, null));
        Assert.Throws<KeyFileException>(() => KeySource.From("a.pub.pem", dir.Path));
        Assert.Contains("keyring", KeySource.From(null, dir.Path)!.Description);
    }
}
