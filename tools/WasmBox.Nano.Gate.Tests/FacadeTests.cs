using WasmBox.Nano.Gate.Tests.Support;

namespace WasmBox.Nano.Gate.Tests;

/// <summary>Every facade folder compiles and says, in each file, which package it mirrors.</summary>
public class FacadeTests
{
    public static TheoryData<string> FacadeFolders()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Repository.Facades).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(FacadeFolders))]
    public void Facade_compiles(string assembly)
    {
        Assert.NotNull(Repository.FacadeLibrary.Get(assembly));
    }

    [Theory]
    [MemberData(nameof(FacadeFolders))]
    public void Every_facade_file_names_the_package_it_mirrors(string assembly)
    {
        var files = Directory.GetFiles(Path.Combine(Repository.Facades, assembly), "*.cs", SearchOption.AllDirectories);

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Matches(@"^// Mirrors nanoFramework\.\S+ \d+\.\d+\.\d+ \(" + assembly.Replace(".", @"\.") + @"\), reference only\.",
            File.ReadLines(f).First()));
    }
}
