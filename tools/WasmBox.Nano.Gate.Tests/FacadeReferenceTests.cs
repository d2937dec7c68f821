using WasmBox.Nano.Gate.Tests.Support;

namespace WasmBox.Nano.Gate.Tests;

/// <summary>
/// A facade compiles against the real mscorlib plus the facades its facade.references file names, as the real
/// package's assembly references them; cycles and malformed lines are refused with the reason.
/// </summary>
public class FacadeReferenceTests : IDisposable
{
    const string Header = "// Mirrors nanoFramework.Test 1.0.0 (X), reference only.\n";

    readonly string root = Directory.CreateTempSubdirectory("wbx-facades-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    void Facade(string assembly, string source, params string[] references)
    {
        var folder = Path.Combine(root, assembly);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Api.cs"), Header + source);
        if (references.Length > 0)
            File.WriteAllLines(Path.Combine(folder, FacadeLibrary.ReferencesFile), ["# why", .. references]);
    }

    [Fact]
    public void Facade_compiles_against_the_facades_it_names()
    {
        Facade("Streams", "namespace System.IO { public abstract class Stream { public abstract void Flush(); } }");
        Facade("FileSystem", "namespace System.IO { public class FileStream : Stream { public override void Flush() { throw null; } } }", "Streams");

        Assert.NotNull(new FacadeLibrary(root).Get("FileSystem"));
    }

    [Fact]
    public void Facade_without_the_reference_it_needs_does_not_compile()
    {
        Facade("Streams", "namespace System.IO { public abstract class Stream { } }");
        Facade("FileSystem", "namespace System.IO { public class FileStream : Stream { } }");

        var e = Assert.Throws<FacadeException>(() => new FacadeLibrary(root).Get("FileSystem"));

        Assert.Contains("facade FileSystem does not compile", e.Message);
        Assert.Contains("CS0246", e.Message);
    }

    [Fact]
    public void Reference_cycle_is_refused_with_the_path()
    {
        Facade("A", "namespace A { public class X { } }", "B");
        Facade("B", "namespace B { public class Y { } }", "A");

        var e = Assert.Throws<FacadeException>(() => new FacadeLibrary(root).Get("A"));

        Assert.Equal("facade reference cycle: A -> B -> A", e.Message);
    }

    [Fact]
    public void Missing_referenced_facade_names_the_folder_to_add()
    {
        Facade("A", "namespace A { public class X { } }", "Gone");

        var e = Assert.Throws<FacadeException>(() => new FacadeLibrary(root).Get("A"));

        Assert.Equal("no facade for Gone: add tools/facades/Gone mirroring the real package", e.Message);
    }

    [Fact]
    public void Line_that_is_not_an_assembly_name_is_refused()
    {
        Facade("A", "namespace A { public class X { } }", "System.Net, Version=1.11.60.0");

        var e = Assert.Throws<FacadeException>(() => new FacadeLibrary(root).Get("A"));

        Assert.Equal("facade A: facade.references line 'System.Net, Version=1.11.60.0' is not an assembly name", e.Message);
    }
}
