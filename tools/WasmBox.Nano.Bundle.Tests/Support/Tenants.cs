using System.Security.Cryptography;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Bundle.Tests.Support;

/// <summary>Two tenants with their own P-256 keys, made once per test run, and keyrings over them.</summary>
internal static class Tenants
{
    public const string A = "acme";
    public const string B = "globex";

    public static readonly ECDsa KeyA = TenantKeys.Generate();
    public static readonly ECDsa KeyB = TenantKeys.Generate();

    public static byte[] PointA => TenantKeys.PublicPoint(KeyA);

    public static byte[] PointB => TenantKeys.PublicPoint(KeyB);

    /// <summary>A board provisioned with both tenants, each with its own key.</summary>
    public static ITenantKeyring Both => new MapKeyring(new() { [A] = PointA, [B] = PointB });
}

/// <summary>A board's keyring as a plain map.</summary>
internal sealed class MapKeyring(Dictionary<string, byte[]> keys) : ITenantKeyring
{
    public byte[]? PublicKeyOf(string tenant) => keys.GetValueOrDefault(tenant);
}
