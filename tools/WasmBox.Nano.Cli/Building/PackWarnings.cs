using WasmBox.Nano.Bundle;

namespace WasmBox.Nano.Cli.Building;

/// <summary>
/// Mistakes `pack` and `deploy` can see before a board does, reported as "wbx: warning:" lines:
/// a key file named for another tenant, a function with no hooks (it never runs by itself), and
/// several global functions (each becomes an entry point; helpers are usually meant to be static).
/// </summary>
internal static class PackWarnings
{
    private const string KeySuffix = ".key.pem";

    /// <param name="keyPath">The signing key's file; null when the key was made for a simulated board.</param>
    public static IEnumerable<string> Of(Manifest manifest, FunctionImage image, string? keyPath)
    {
        string keyFile = Path.GetFileName(keyPath ?? "");
        if (keyFile.EndsWith(KeySuffix, StringComparison.Ordinal) && keyFile[..^KeySuffix.Length] is var owner && owner != manifest.Tenant)
            yield return "the key " + keyPath + " is named for tenant '" + owner + "', not '" + manifest.Tenant
                + "': a board refuses a bundle its tenant's key did not sign";
        if (manifest.Hooks.Length == 0)
            yield return "no hooks: the function never runs by itself (add --hook timer:MS, mqtt:TOPIC, gpio:PIN:EDGE, coap:PATH, boot or install)";
        if (image.Entries.Length > 1)
            yield return image.Entries.Length + " global functions (" + string.Join(", ", image.Entries.Select(e => e.Name))
                + ") become entry points: make the helpers static, or choose the first with --entry";
    }

    public static void Print(Manifest manifest, FunctionImage image, string? keyPath)
    {
        foreach (string warning in Of(manifest, image, keyPath))
            Console.Error.WriteLine("wbx: warning: " + warning);
    }
}
