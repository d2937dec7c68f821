namespace WasmBox.Nano.NanoClr;

/// <summary>
/// The nanoCLR kit beside the repository (<c>../shared/nanoclr</c>, or <c>WBX_NANOCLR_KIT</c>): the POSIX
/// nanoCLR, the MetadataProcessor wrapper and the TestFramework assemblies. A user's fresh clone has none.
/// </summary>
internal sealed class NanoClrKit
{
    public const string EnvironmentVariable = "WBX_NANOCLR_KIT";

    NanoClrKit(string folder) => Folder = folder;

    public string Folder { get; }

    public string Runner => Path.Combine(Folder, "nanoclr");

    public string ToPe => Path.Combine(Folder, "to-pe");

    public string TestFrameworkDll => Path.Combine(Folder, "testframework", "nanoFramework.TestFramework.dll");

    public string TestFrameworkPe => Path.Combine(Folder, "testframework", "nanoFramework.TestFramework.pe");

    public string LauncherExe => Path.Combine(Folder, "testframework", "nanoFramework.UnitTestLauncher.exe");

    public string LauncherPe => Path.Combine(Folder, "testframework", "nanoFramework.UnitTestLauncher.pe");

    /// <summary>Real assemblies (name → file) that test projects compile against instead of facades.</summary>
    public IReadOnlyDictionary<string, string> TestAssemblies => new Dictionary<string, string>
    {
        ["nanoFramework.TestFramework"] = TestFrameworkDll,
        ["nanoFramework.UnitTestLauncher"] = LauncherExe,
    };

    /// <summary>The kit, or null with <paramref name="missing"/> saying where it was looked for.</summary>
    public static NanoClrKit? Find(string repositoryRoot, out string missing)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var folder = Path.GetFullPath(string.IsNullOrEmpty(configured)
            ? Path.Combine(repositoryRoot, "..", "shared", "nanoclr")
            : configured);
        var kit = new NanoClrKit(folder);
        string[] needed = [kit.Runner, kit.ToPe, kit.TestFrameworkDll, kit.TestFrameworkPe, kit.LauncherExe, kit.LauncherPe];
        var absent = needed.FirstOrDefault(f => !File.Exists(f));
        missing = absent == null ? "" : $"nanoCLR kit not found ({absent} is missing; it lives in ../shared/nanoclr beside the repository, or set {EnvironmentVariable})";
        return absent == null ? kit : null;
    }
}
