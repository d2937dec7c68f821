using System.Text.Json;

namespace WasmBox.Nano.Crypto.Tests.Support;

/// <summary>
/// Loads Wycheproof vector files from <c>../shared/conformance/wycheproof/</c> relative to the
/// repository root (the folder holding WasmBox.Nano.sln). A fresh clone has no such folder,
/// so callers skip when <see cref="TryLoad"/> returns null.
/// </summary>
public static class Wycheproof
{
    private const string SolutionFile = "WasmBox.Nano.sln";
    private static readonly string[] RelativeFolder = ["..", "shared", "conformance", "wycheproof"];

    /// <summary>The parsed file, or null when the corpus is absent.</summary>
    public static JsonDocument? TryLoad(string fileName)
    {
        string? path = FindFile(fileName);
        return path is null ? null : JsonDocument.Parse(File.ReadAllBytes(path));
    }

    public static string MissingMessage(string fileName) =>
        $"Wycheproof file {fileName} not found under ../shared/conformance/wycheproof/ (relative to the repository root)";

    /// <summary>Every test of every group, with its group.</summary>
    public static IEnumerable<(JsonElement Group, JsonElement Test)> Tests(JsonDocument document)
    {
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                yield return (group, test);
            }
        }
    }

    public static byte[] Hex(JsonElement element, string property) =>
        Convert.FromHexString(element.GetProperty(property).GetString()!);

    public static string Describe(JsonElement test) =>
        $"tcId {test.GetProperty("tcId").GetInt32()} ({test.GetProperty("comment").GetString()})";

    private static string? FindFile(string fileName)
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    string path = Path.GetFullPath(Path.Combine([dir.FullName, .. RelativeFolder, fileName]));
                    if (File.Exists(path))
                    {
                        return path;
                    }
                    break;
                }
            }
        }
        return null;
    }
}
