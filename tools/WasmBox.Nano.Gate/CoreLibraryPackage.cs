namespace WasmBox.Nano.Gate;

/// <summary>
/// The real nanoFramework core library, NuGet nanoFramework.CoreLibrary 1.17.11: the build copies its
/// <c>lib/mscorlib.dll</c> (to compile against) and <c>lib/mscorlib.pe</c> (what nanoCLR loads) beside the
/// gate, so every device project compiles against exactly the assembly a board runs.
/// </summary>
internal static class CoreLibraryPackage
{
    public const string Version = "1.17.11";

    static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "nanoFramework.CoreLibrary");

    public static string MscorlibDll => Path.Combine(Folder, "mscorlib.dll");

    public static string MscorlibPe => Path.Combine(Folder, "mscorlib.pe");
}
