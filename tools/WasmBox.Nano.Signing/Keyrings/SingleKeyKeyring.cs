using WasmBox.Nano.Bundle;

namespace WasmBox.Nano.Signing.Keyrings;

/// <summary>
/// One public key for whichever tenant a manifest names: "does this key sign this bundle?"
/// (`wbx inspect --pub`). A board never works this way; its keyring maps each tenant to its own key.
/// </summary>
public sealed class SingleKeyKeyring(byte[] publicPoint) : ITenantKeyring
{
    public byte[] PublicKeyOf(string tenant) => publicPoint;
}
