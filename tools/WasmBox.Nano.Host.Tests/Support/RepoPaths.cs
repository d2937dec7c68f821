using System.Runtime.CompilerServices;

namespace WasmBox.Nano.Host.Tests.Support;

/// <summary>Finds the repository's hw-profiles/ folder above the test binaries or, failing that, this source file.</summary>
internal static class RepoPaths
{
    public static string ProfilesDirectory { get; } = Find(AppContext.BaseDirectory) ?? Find(SourceDirectory())
        ?? throw new DirectoryNotFoundException("no hw-profiles/schema.json above " + AppContext.BaseDirectory);

    public static string SchemaFile => Path.Combine(ProfilesDirectory, "schema.json");

    public static IEnumerable<string> ProfileFiles() =>
        Directory.EnumerateFiles(ProfilesDirectory, "*.json")
            .Where(f => Path.GetFileName(f) != "schema.json")
            .Order(StringComparer.Ordinal);

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? "";

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "hw-profiles");
            if (File.Exists(Path.Combine(candidate, "schema.json")))
            {
                return candidate;
            }
        }

        return null;
    }
}
