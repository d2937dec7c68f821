using WasmBox.Nano.Bundle;

namespace WasmBox.Nano.Cli.Simulating;

/// <summary>The first keyring that knows a tenant answers for it.</summary>
internal sealed class LayeredKeyring(ITenantKeyring first, ITenantKeyring second) : ITenantKeyring
{
    public byte[]? PublicKeyOf(string tenant) => first.PublicKeyOf(tenant) ?? second.PublicKeyOf(tenant);
}
