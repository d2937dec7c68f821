namespace WasmBox.Nano.Firmware.Tests.Support;

/// <summary>The checked-out repository the tests run from and its hardware profiles.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    public static string Firmware => Path.Combine(Root, "firmware");

    public static string Facades => Path.Combine(Root, "tools", "facades");

    /// <summary>Every profile file in hw-profiles/ (schema.json is the schema, not a board).</summary>
    public static IReadOnlyList<string> ProfileIds { get; } = Directory.GetFiles(Path.Combine(Root, "hw-profiles"), "*.json")
        .Select(Path.GetFileNameWithoutExtension).OfType<string>()
        .Where(n => n != "schema").Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Profiles()
    {
        var data = new TheoryData<string>();
        foreach (string id in ProfileIds) data.Add(id);
        return data;
    }

    public static string ProfilePath(string id) => Path.Combine(Root, "hw-profiles", id + ".json");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "firmware", "flash"))) return dir.FullName;
        throw new InvalidOperationException("tests must run inside the repository (no firmware/flash above " + AppContext.BaseDirectory + ")");
    }
}
