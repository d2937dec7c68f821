using System.Security.Cryptography;

namespace WasmBox.Nano.Signing.Keys;

/// <summary>
/// Tenant key pairs as PEM text: the private key as PKCS#8 ("PRIVATE KEY"), the public key as
/// SubjectPublicKeyInfo ("PUBLIC KEY"), ECDSA P-256 only. Boards hold public keys as the
/// 65-byte uncompressed point 0x04 ‖ X ‖ Y (<see cref="PublicPoint"/>).
/// </summary>
public static class TenantKeys
{
    public const string PrivateKeyLabel = "PRIVATE KEY";
    public const string PublicKeyLabel = "PUBLIC KEY";
    public const int PublicPointSize = 65;

    /// <summary>Key files are small; anything bigger is not one and is not read whole.</summary>
    private const long MaxKeyFileBytes = 64 * 1024;

    public static ECDsa Generate() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string PrivateKeyPem(ECDsa key) => key.ExportPkcs8PrivateKeyPem();

    public static string PublicKeyPem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>The uncompressed SEC1 point the device keyring stores.</summary>
    public static byte[] PublicPoint(ECDsa key)
    {
        ECParameters p = key.ExportParameters(false);
        if (p.Q.X is not { Length: 32 } || p.Q.Y is not { Length: 32 })
        {
            throw new KeyFileException("the key is not a P-256 key");
        }
        return [0x04, .. p.Q.X, .. p.Q.Y];
    }

    public static ECDsa LoadPrivateKey(string path) => ParsePrivateKey(ReadKeyFile(path), path);

    public static byte[] LoadPublicKey(string path) => ParsePublicKey(ReadKeyFile(path), path);

    /// <summary>A P-256 private key from PKCS#8 PEM text; <paramref name="source"/> names it in errors.</summary>
    public static ECDsa ParsePrivateKey(string pem, string source)
    {
        byte[] der = PemBlock(pem, PrivateKeyLabel, source);
        P256AlgorithmCheck.Require(der, isPrivateKeyInfo: true, source);
        ECDsa key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(der, out int read);
            RequireWhole(read, der, source);
            return key;
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new KeyFileException(source + ": the private key is damaged (" + e.Message + ")");
        }
        catch (KeyFileException)
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>A P-256 public key from SubjectPublicKeyInfo PEM text, as the 65-byte point.</summary>
    public static byte[] ParsePublicKey(string pem, string source)
    {
        byte[] der = PemBlock(pem, PublicKeyLabel, source);
        P256AlgorithmCheck.Require(der, isPrivateKeyInfo: false, source);
        using ECDsa key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(der, out int read);
            RequireWhole(read, der, source);
        }
        catch (CryptographicException e)
        {
            throw new KeyFileException(source + ": the public key is damaged (" + e.Message + ")");
        }
        return PublicPoint(key);
    }

    private static void RequireWhole(int read, byte[] der, string source)
    {
        if (read != der.Length)
        {
            throw new KeyFileException(source + ": " + (der.Length - read) + " stray bytes after the key");
        }
    }

    /// <summary>The DER content of the first PEM block labelled <paramref name="label"/>.</summary>
    private static byte[] PemBlock(string text, string label, string source)
    {
        var seen = new List<string>();
        ReadOnlySpan<char> rest = text;
        while (PemEncoding.TryFind(rest, out PemFields fields))
        {
            string found = rest[fields.Label].ToString();
            if (found == label)
            {
                return Convert.FromBase64String(rest[fields.Base64Data].ToString());
            }
            seen.Add(found);
            rest = rest[fields.Location.End..];
        }
        throw new KeyFileException(source + ": " + (seen.Count == 0
            ? "no PEM block \"-----BEGIN " + label + "-----\" found"
            : WrongBlock(seen[0], label)));
    }

    private static string WrongBlock(string found, string expected) => found switch
    {
        "EC PRIVATE KEY" => "is a SEC1 \"EC PRIVATE KEY\"; convert it to PKCS#8 with `openssl pkcs8 -topk8 -nocrypt`",
        "ENCRYPTED PRIVATE KEY" => "is an encrypted private key; tenant keys are stored unencrypted (mode 0600)",
        PublicKeyLabel => "is a public key; a private key (TENANT.key.pem) is needed here",
        PrivateKeyLabel => "is a private key; a public key (TENANT.pub.pem) is needed here",
        _ => "holds a \"" + found + "\" PEM block, expected \"" + expected + "\"",
    };

    private static string ReadKeyFile(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new KeyFileException(Directory.Exists(path) ? path + " is a directory, not a key file" : "key file not found: " + path);
        }
        if (file.Length > MaxKeyFileBytes)
        {
            throw new KeyFileException(path + ": " + file.Length + " bytes is too large for a key file");
        }
        return File.ReadAllText(path);
    }
}
