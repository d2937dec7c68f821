using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using WasmBox.Nano.Gate.Tests.Support;

namespace WasmBox.Nano.Gate.Tests;

/// <summary>Device code compiles against the real mscorlib from NuGet nanoFramework.CoreLibrary 1.17.11, never a hand-made one.</summary>
public class CoreLibraryTests
{
    [Fact]
    public void Gate_compiles_against_the_real_core_library_package()
    {
        using var file = File.OpenRead(CoreLibraryPackage.MscorlibDll);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();
        var assembly = metadata.GetAssemblyDefinition();

        Assert.Equal("mscorlib", metadata.GetString(assembly.Name));
        Assert.Equal(new Version(1, 17, 11, 0), assembly.Version);
        // A real assembly has method bodies; a reference facade would not.
        Assert.Contains(metadata.MethodDefinitions, m => metadata.GetMethodDefinition(m).RelativeVirtualAddress != 0);
        Assert.True(File.Exists(CoreLibraryPackage.MscorlibPe));
    }

    [Fact]
    public void There_is_no_mscorlib_facade()
    {
        Assert.False(Directory.Exists(Path.Combine(Repository.Facades, FacadeLibrary.CoreLibrary)));
    }

    [Fact]
    public void Member_missing_from_the_real_core_library_fails()
    {
        // string.Join exists on desktop .NET but not in nanoFramework's mscorlib 1.17.11.
        using var temp = new TempProjects();
        temp.WriteFile("P/A.cs", "namespace P { public class A { public static string J(string[] s) { return string.Join(\",\", s); } } }");
        var project = temp.WriteProject("P/P.nfproj", ["A.cs"]);

        var result = Assert.Single(temp.Check(project));

        Assert.Contains(result.Errors, e => e.Id == "CS0117" && e.Message.Contains("Join"));
    }
}
