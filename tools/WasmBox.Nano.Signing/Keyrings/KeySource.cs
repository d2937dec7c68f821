using WasmBox.Nano.Bundle;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Signing.Keyrings;

/// <summary>Where the public keys for a signature check come from, as tools name them: one key file or a keyring directory.</summary>
public sealed record KeySource(ITenantKeyring Keyring, string Description)
{
    /// <summary>The key source for the given paths; null when neither is given.</summary>
    public static KeySource? From(string? publicKeyPath, string? keyringDirectory)
    {
        if (publicKeyPath is not null && keyringDirectory is not null)
        {
            throw new KeyFileException("give either a public key or a keyring directory, not both");
        }
        if (publicKeyPath is not null)
        {
            return new KeySource(new SingleKeyKeyring(TenantKeys.LoadPublicKey(publicKeyPath)), "key " + publicKeyPath);
        }
        return keyringDirectory is null ? null : new KeySource(new DirectoryKeyring(keyringDirectory), "keyring " + keyringDirectory);
    }
}
