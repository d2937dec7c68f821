using WasmBox.Nano.Gate.Tests.Support;

namespace WasmBox.Nano.Gate.Tests;

/// <summary>How the gate reads .nfproj files: listed sources, references, ordering, output kind, language version.</summary>
public class ProjectCheckTests : IDisposable
{
    const string Library = "namespace P { public class A { public static int One() { return 1; } } }";

    readonly TempProjects temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Project_listing_every_file_passes_and_reports_the_file_count()
    {
        temp.WriteFile("P/A.cs", Library);
        temp.WriteFile("P/Properties/AssemblyInfo.cs",
            "using System.Reflection;\n[assembly: AssemblyTitle(\"P\")]\n[assembly: AssemblyVersion(\"1.0.0.0\")]\n[assembly: AssemblyFileVersion(\"1.0.0.0\")]");
        temp.WriteFile("P/bin/Debug/Generated.cs", "this is build output, not source");
        var project = temp.WriteProject("P/P.nfproj", ["A.cs", "Properties/AssemblyInfo.cs"],
            references: ["mscorlib, Version=1.17.11.0, Culture=neutral, PublicKeyToken=c07d481e9758c731"]);

        var result = Assert.Single(temp.Check(project));

        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal("gate: P/P.nfproj ok (2 files)", result.Summary);
    }

    [Fact]
    public void Unlisted_source_file_fails()
    {
        temp.WriteFile("P/A.cs", Library);
        temp.WriteFile("P/Sub/Forgotten.cs", "namespace P { class Forgotten { } }");
        var project = temp.WriteProject("P/P.nfproj", ["A.cs"]);

        var result = Assert.Single(temp.Check(project));

        var error = Assert.Single(result.Errors);
        Assert.Equal("NF0003", error.Id);
        Assert.Equal("P/Sub/Forgotten.cs", error.Path);
        Assert.Equal("gate: P/P.nfproj FAILED (1 errors)", result.Summary);
    }

    [Fact]
    public void Listed_file_that_does_not_exist_fails()
    {
        temp.WriteFile("P/A.cs", Library);
        var project = temp.WriteProject("P/P.nfproj", ["A.cs", "Gone.cs"]);

        var error = Assert.Single(Assert.Single(temp.Check(project)).Errors);

        Assert.Equal("NF0002", error.Id);
        Assert.Contains("P/Gone.cs does not exist", error.Message);
    }

    [Fact]
    public void Reference_without_a_facade_fails_with_the_fix()
    {
        temp.WriteFile("P/A.cs", Library);
        var project = temp.WriteProject("P/P.nfproj", ["A.cs"], references: ["mscorlib", "System.Device.Dac"]);

        var error = Assert.Single(Assert.Single(temp.Check(project)).Errors);

        Assert.Equal("NF0005", error.Id);
        Assert.Equal("no facade for System.Device.Dac: add tools/facades/System.Device.Dac mirroring the real package", error.Message);
    }

    [Fact]
    public void Compiler_errors_are_printed_with_relative_path_line_and_column()
    {
        temp.WriteFile("P/A.cs", "namespace P\n{\n    class A { Missing m; }\n}");
        var project = temp.WriteProject("P/P.nfproj", ["A.cs"]);

        var error = Assert.Single(Assert.Single(temp.Check(project)).Errors);

        Assert.Equal("P/A.cs(3,15): error CS0246: The type or namespace name 'Missing' could not be found (are you missing a using directive or an assembly reference?)", error.ToString());
    }

    [Fact]
    public void Referenced_projects_are_checked_first_and_their_types_are_visible()
    {
        temp.WriteFile("Lib/A.cs", Library);
        var lib = temp.WriteProject("Lib/Lib.nfproj", ["A.cs"]);
        temp.WriteFile("App/B.cs", "namespace Q { public class B { public int Two() { return P.A.One() + 1; } } }");
        var app = temp.WriteProject("App/App.nfproj", ["B.cs"], projectReferences: ["../Lib/Lib.nfproj"]);

        var results = temp.Check(app, lib);

        Assert.Equal(["gate: Lib/Lib.nfproj ok (1 file)", "gate: App/App.nfproj ok (1 file)"], results.Select(r => r.Summary));
    }

    [Fact]
    public void Project_reference_cycle_fails_instead_of_looping()
    {
        temp.WriteFile("A/A.cs", "class A { }");
        temp.WriteFile("B/B.cs", "class B { }");
        var a = temp.WriteProject("A/A.nfproj", ["A.cs"], projectReferences: ["../B/B.nfproj"]);
        temp.WriteProject("B/B.nfproj", ["B.cs"], projectReferences: ["../A/A.nfproj"]);

        var results = temp.Check(a);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal("NF0004", Assert.Single(r.Errors).Id));
    }

    [Fact]
    public void Nested_project_folder_belongs_to_the_nested_project()
    {
        temp.WriteFile("Outer/A.cs", Library);
        temp.WriteFile("Outer/Inner/B.cs", "class B { }");
        var inner = temp.WriteProject("Outer/Inner/Inner.nfproj", ["B.cs"]);
        var outer = temp.WriteProject("Outer/Outer.nfproj", ["A.cs"]);

        Assert.All(temp.Check(outer, inner), r => Assert.True(r.Ok, string.Join(Environment.NewLine, r.Errors)));
    }

    [Fact]
    public void Exe_project_needs_an_entry_point()
    {
        temp.WriteFile("P/A.cs", Library);
        var project = temp.WriteProject("P/P.nfproj", ["A.cs"], outputType: "Exe");

        Assert.Contains(Assert.Single(temp.Check(project)).Errors, e => e.Id == "CS5001");
    }

    [Fact]
    public void Language_version_defaults_to_csharp_7_3_unless_the_project_sets_one()
    {
        temp.WriteFile("Old/A.cs", "class A { int M(int a) { return a switch { 1 => 2, _ => 3 }; } }");
        temp.WriteFile("New/A.cs", "class A { int M(int a) { return a switch { 1 => 2, _ => 3 }; } }");
        var old = temp.WriteProject("Old/Old.nfproj", ["A.cs"]);
        var modern = temp.WriteProject("New/New.nfproj", ["A.cs"], langVersion: "default");

        var results = temp.Check(old, modern);

        Assert.Contains(results[0].Errors, e => e.Id == "CS8370");
        Assert.True(results[1].Ok, string.Join(Environment.NewLine, results[1].Errors));
    }

    [Fact]
    public void Unreadable_project_file_fails_with_its_name()
    {
        var project = temp.WriteFile("P/P.nfproj", "<Project><ItemGroup><Compile Include=\"A.cs\"></Project>");

        var error = Assert.Single(Assert.Single(temp.Check(project)).Errors);

        Assert.Equal("NF0004", error.Id);
        Assert.Contains("cannot read project file", error.Message);
    }

    [Fact]
    public void Wildcard_compile_items_are_refused()
    {
        temp.WriteFile("P/A.cs", Library);
        var project = temp.WriteProject("P/P.nfproj", ["*.cs"]);

        var error = Assert.Single(Assert.Single(temp.Check(project)).Errors);

        Assert.Contains("list each file explicitly", error.Message);
    }
}
