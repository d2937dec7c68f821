namespace WasmBox.Nano.Gate.Tests.Support;

/// <summary>The checked-out repository the tests run from, and one shared gate over its facades.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    public static string Facades => Path.Combine(Root, "tools", "facades");

    // Compiling the facades takes a moment; every test shares the compiled references.
    public static readonly FacadeLibrary FacadeLibrary = new(Facades);

    public static Gate GateFor(string displayRoot) => new(FacadeLibrary, displayRoot);

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "tools", "facades"))) return dir.FullName;
        throw new InvalidOperationException("tests must run inside the repository (no tools/facades above " + AppContext.BaseDirectory + ")");
    }
}
