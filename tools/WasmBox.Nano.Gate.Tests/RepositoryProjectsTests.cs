using WasmBox.Nano.Gate.Tests.Support;

namespace WasmBox.Nano.Gate.Tests;

/// <summary>The repository's real device projects pass the gate, each one reported separately.</summary>
public class RepositoryProjectsTests
{
    public static TheoryData<string> DeviceProjects()
    {
        var data = new TheoryData<string>();
        foreach (var path in Gate.DiscoverProjects(Repository.Root)) data.Add(DisplayPath.Relative(Repository.Root, path));
        return data;
    }

    [Fact]
    public void Discovery_finds_the_vm_project_and_skips_build_output()
    {
        var found = Gate.DiscoverProjects(Repository.Root).Select(p => DisplayPath.Relative(Repository.Root, p)).ToList();

        Assert.Contains("src/WasmBox.Nano.Vm/WasmBox.Nano.Vm.nfproj", found);
        Assert.DoesNotContain(found, p => p.Split('/').Any(part => part is "bin" or "obj" or "packages"));
    }

    [Theory]
    [MemberData(nameof(DeviceProjects))]
    public void Device_project_passes_the_gate(string project)
    {
        var results = Repository.GateFor(Repository.Root).CheckProjects([Path.Combine(Repository.Root, project)]);

        var own = Assert.Single(results, r => r.DisplayPath == project);
        Assert.True(own.Ok, string.Join(Environment.NewLine, own.Errors));
        Assert.True(own.FileCount > 0);
    }

    [Fact]
    public void Proof_file_fails_the_gate()
    {
        var result = Repository.GateFor(Repository.Root).CheckFile(Path.Combine(Repository.Root, "tools/WasmBox.Nano.Gate/proof/UsesGenericList.cs"));

        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.Message.Contains("List<>"));
    }
}
