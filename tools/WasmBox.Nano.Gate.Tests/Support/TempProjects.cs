namespace WasmBox.Nano.Gate.Tests.Support;

/// <summary>A scratch folder of device projects, deleted after the test.</summary>
internal sealed class TempProjects : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("wbx-gate-").FullName;

    public string WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes an old-style .nfproj like src/WasmBox.Nano.Vm's, with backslash item paths.</summary>
    public string WriteProject(string relativePath, string[] compile, string[]? references = null,
        string[]? projectReferences = null, string outputType = "Library", string? langVersion = null)
    {
        string Items(string kind, IEnumerable<string> includes) =>
            string.Concat(includes.Select(i => $"\n    <{kind} Include=\"{i.Replace('/', '\\')}\" />"));
        var lang = langVersion == null ? "" : $"\n    <LangVersion>{langVersion}</LangVersion>";
        return WriteFile(relativePath, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <AssemblyName>{Path.GetFileNameWithoutExtension(relativePath)}</AssemblyName>{lang}
              </PropertyGroup>
              <ItemGroup>{Items("Compile", compile)}
              </ItemGroup>
              <ItemGroup>{Items("Reference", references ?? ["mscorlib"])}
              </ItemGroup>
              <ItemGroup>{Items("ProjectReference", projectReferences ?? [])}
              </ItemGroup>
            </Project>
            """);
    }

    public IReadOnlyList<ProjectResult> Check(params string[] projects) =>
        Repository.GateFor(Root).CheckProjects(projects);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
