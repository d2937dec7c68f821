using System.Text;
using WasmBox.Nano.Conformance;

namespace WasmBox.Nano.NanoClr;

/// <summary>
/// The in-scope bpf_conformance programs (../shared/conformance) as generated device test projects: each
/// program, assembled on the host, becomes a test method that runs it on the device build of the VM with
/// the device-code harness helpers (nftests/WasmBox.Nano.Conformance.NfTests/Support).
/// </summary>
internal static class ConformanceCorpus
{
    public const string SuitePrefix = "conformance-";

    public static IReadOnlyList<ConformanceCase> InScope(string testsDirectory) =>
        ConformanceRunner.TestFiles(testsDirectory).Select(DataFileParser.Load).Where(c => c.OutOfScopeReason == null).ToList();

    public static IReadOnlyList<string> Generate(IReadOnlyList<ConformanceCase> cases, string repositoryRoot, string outputDirectory)
    {
        var support = Path.Combine(repositoryRoot, "nftests", "WasmBox.Nano.Conformance.NfTests", "Support");
        string[] supportFiles =
        [
            Path.Combine(support, "ConformanceHelpers.cs"),
            Path.Combine(support, "ConformanceProgram.cs"),
            Path.Combine(repositoryRoot, "nftests", "WasmBox.Nano.Crypto.NfTests", "Support", "TestBytes.cs"),
        ];
        string[] references = [Path.Combine(repositoryRoot, "src", "WasmBox.Nano.Vm", "WasmBox.Nano.Vm.nfproj")];
        var projects = new List<string>();
        var chunks = GeneratedSuite.Chunk(cases.Select(c => (Case: c, Code: Convert.ToHexStringLower(ConformanceRunner.Bytecode(c)))),
            c => c.Code.Length + c.Case.Memory.Length * 2 + 64);
        for (int i = 0; i < chunks.Count; i++)
        {
            var source = new StringBuilder();
            source.AppendLine("using nanoFramework.TestFramework;");
            source.AppendLine("namespace WasmBox.Nano.Conformance.NfTests");
            source.AppendLine("{");
            source.AppendLine("    [TestClass]");
            source.AppendLine("    public class Corpus");
            source.AppendLine("    {");
            foreach (var (c, code) in chunks[i])
            {
                string memory = Convert.ToHexStringLower(c.Memory);
                source.AppendLine($"        [TestMethod] public void {GeneratedSuite.Identifier(c.Name)}() {{ ConformanceProgram." + (c.ExpectedError == null
                    ? $"ExpectResult(\"{code}\", \"{memory}\", 0x{c.ExpectedResult:x}UL); }}"
                    : $"ExpectError(\"{code}\", \"{memory}\"); }}"));
            }
            source.AppendLine("    }");
            source.AppendLine("}");
            projects.Add(GeneratedSuite.Write(Path.Combine(outputDirectory, SuitePrefix + (i + 1)), "WasmBox.Nano.Conformance.NfTests",
                source.ToString(), supportFiles, references));
        }
        return projects;
    }
}
