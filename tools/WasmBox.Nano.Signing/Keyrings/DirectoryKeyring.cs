using WasmBox.Nano.Bundle;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Signing.Keyrings;

/// <summary>
/// The host's keyring: a directory of TENANT.pub.pem files, as `wbx keygen` writes them.
/// A tenant without a file is unknown; a file that is not a P-256 public key is an error.
/// </summary>
public sealed class DirectoryKeyring : ITenantKeyring
{
    private readonly string _directory;

    public DirectoryKeyring(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new KeyFileException("keyring directory not found: " + directory);
        }
        _directory = directory;
    }

    public byte[]? PublicKeyOf(string tenant)
    {
        // Only identifiers name files, so a tenant can never point outside the directory.
        if (!ManifestCodec.IsIdentifier(tenant))
        {
            return null;
        }
        string path = KeyPairFiles.PublicKeyPath(_directory, tenant);
        return File.Exists(path) ? TenantKeys.LoadPublicKey(path) : null;
    }
}
