using WasmBox.Nano.Bundle;

namespace WasmBox.Nano.Sim.Keys;

/// <summary>Tenant public keys held in memory (65-byte uncompressed P-256 points), e.g. the demo's embedded keys.</summary>
public sealed class MemoryKeyring : ITenantKeyring
{
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public MemoryKeyring Add(string tenant, byte[] publicPoint)
    {
        _keys[tenant] = publicPoint;
        return this;
    }

    public IReadOnlyCollection<string> Tenants => _keys.Keys;

    public byte[]? PublicKeyOf(string tenant) => _keys.GetValueOrDefault(tenant);
}
