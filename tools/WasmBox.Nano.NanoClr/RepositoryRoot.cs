namespace WasmBox.Nano.NanoClr;

internal static class RepositoryRoot
{
    /// <summary>The folder holding WasmBox.Nano.sln, above the current directory or this tool; null outside the repository.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "WasmBox.Nano.sln"))) return dir.FullName;
        return null;
    }
}
