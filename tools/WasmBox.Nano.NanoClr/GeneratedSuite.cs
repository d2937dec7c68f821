using System.Text;

namespace WasmBox.Nano.NanoClr;

/// <summary>
/// Writes a device test project at test time: one NFUnitTest.nfproj with the generated test classes plus
/// checked-in support files, compiled by the gate like any other suite. A .pe indexes its metadata with
/// 16 bits, so a large corpus is split into several such projects (see ../shared/nanoclr/README.md).
/// </summary>
internal static class GeneratedSuite
{
    /// <summary>String literal bytes per generated assembly: well under the 64 KiB string heap of a .pe.</summary>
    public const int MaxLiteralCharacters = 24_000;

    public static string Write(string folder, string rootNamespace, string testSource, IEnumerable<string> supportFiles, IEnumerable<string> projectReferences) =>
        WriteProject(folder, "NFUnitTest", "Library", rootNamespace, testSource, supportFiles, projectReferences);

    /// <summary>A generated device project of any kind (a test suite, or a program with a Main).</summary>
    public static string WriteProject(string folder, string assemblyName, string outputType, string rootNamespace, string source,
        IEnumerable<string> supportFiles, IEnumerable<string> projectReferences)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Cases.cs"), source);
        var project = new StringBuilder();
        project.AppendLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        project.AppendLine("<Project ToolsVersion=\"Current\" xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">");
        project.AppendLine($"  <PropertyGroup><OutputType>{outputType}</OutputType><AssemblyName>{assemblyName}</AssemblyName><RootNamespace>{rootNamespace}</RootNamespace></PropertyGroup>");
        project.AppendLine("  <ItemGroup>");
        project.AppendLine("    <Compile Include=\"Cases.cs\" />");
        foreach (var file in supportFiles) project.AppendLine($"    <Compile Include=\"{file}\" />");
        project.AppendLine("  </ItemGroup>");
        project.AppendLine("  <ItemGroup>");
        foreach (var reference in new[] { "mscorlib", "nanoFramework.TestFramework", "nanoFramework.UnitTestLauncher" })
            project.AppendLine($"    <Reference Include=\"{reference}\" />");
        foreach (var reference in projectReferences) project.AppendLine($"    <ProjectReference Include=\"{reference}\" />");
        project.AppendLine("  </ItemGroup>");
        project.AppendLine("</Project>");
        var path = Path.Combine(folder, assemblyName + ".nfproj");
        File.WriteAllText(path, project.ToString());
        return path;
    }

    /// <summary>
    /// Test methods (name and body) as one [TestClass] per project, as many projects as the literal limit
    /// needs: <paramref name="outputDirectory"/>/<paramref name="suitePrefix"/>1, 2, ...; returns the projects.
    /// </summary>
    public static IReadOnlyList<string> WriteTestMethods(string outputDirectory, string suitePrefix, string rootNamespace, string className,
        IEnumerable<(string Name, string Body)> methods, IEnumerable<string> supportFiles, IEnumerable<string> projectReferences)
    {
        var chunks = Chunk(methods, m => m.Body.Length);
        var projects = new List<string>();
        for (int i = 0; i < chunks.Count; i++)
        {
            var source = new StringBuilder();
            source.AppendLine("using nanoFramework.TestFramework;");
            source.AppendLine($"namespace {rootNamespace}");
            source.AppendLine("{");
            source.AppendLine("    [TestClass]");
            source.AppendLine($"    public class {className}");
            source.AppendLine("    {");
            foreach (var (name, body) in chunks[i]) source.AppendLine($"        [TestMethod] public void {name}() {{ {body} }}");
            source.AppendLine("    }");
            source.AppendLine("}");
            projects.Add(Write(Path.Combine(outputDirectory, suitePrefix + (i + 1)), rootNamespace, source.ToString(), supportFiles, projectReferences));
        }
        return projects;
    }

    /// <summary>A C# identifier from a corpus name: letters and digits kept, everything else '_'.</summary>
    public static string Identifier(string name)
    {
        var id = new StringBuilder(name.Length + 1);
        if (name.Length == 0 || !char.IsAsciiLetter(name[0])) id.Append('_');
        foreach (char c in name) id.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        return id.ToString();
    }

    /// <summary>Splits items into chunks whose literal size stays under <see cref="MaxLiteralCharacters"/>.</summary>
    public static List<List<T>> Chunk<T>(IEnumerable<T> items, Func<T, int> literalCharacters)
    {
        var chunks = new List<List<T>> { new() };
        int size = 0;
        foreach (var item in items)
        {
            int n = literalCharacters(item);
            if (size + n > MaxLiteralCharacters && chunks[^1].Count > 0)
            {
                chunks.Add([]);
                size = 0;
            }
            chunks[^1].Add(item);
            size += n;
        }
        return chunks;
    }
}
