namespace WasmBox.Nano.Deploy.Tests.Support;

/// <summary>Finds a file of the repository above the test binaries.</summary>
internal static class RepoFile
{
    public static string? Find(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
