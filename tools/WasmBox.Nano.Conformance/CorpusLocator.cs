namespace WasmBox.Nano.Conformance;

/// <summary>
/// Finds the bpf_conformance tests, which live outside the repository at
/// <c>../shared/conformance/bpf_conformance/tests</c> relative to its root (the folder
/// holding WasmBox.Nano.sln). A fresh clone has no such folder.
/// </summary>
public static class CorpusLocator
{
    public const string SolutionFile = "WasmBox.Nano.sln";

    private static readonly string[] RelativeTestsPath = ["..", "shared", "conformance", "bpf_conformance", "tests"];

    /// <summary>The tests directory, searching up from the current directory and the app's base directory; null when absent.</summary>
    public static string? FindTestsDirectory()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    string tests = Path.GetFullPath(Path.Combine([dir.FullName, .. RelativeTestsPath]));
                    if (Directory.Exists(tests))
                    {
                        return tests;
                    }
                    break;
                }
            }
        }
        return null;
    }
}
