namespace WasmBox.Nano.Coap.Tests.Support;

/// <summary>Locates libcoap's example programs (Debian libcoap3-bin) on PATH.</summary>
internal static class LibcoapTool
{
    /// <summary>Full path of the first of <paramref name="names"/> found on PATH, or null.</summary>
    public static string? Find(params string[] names)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in names)
            foreach (var directory in directories)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
