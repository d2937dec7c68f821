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
        var methods = cases.Select(c =>
        {
            string code = Convert.ToHexStringLower(ConformanceRunner.Bytecode(c)), memory = Convert.ToHexStringLower(c.Memory);
            string body = c.ExpectedError == null
                ? $"ConformanceProgram.ExpectResult(\"{code}\", \"{memory}\", 0x{c.ExpectedResult:x}UL);"
                : $"ConformanceProgram.ExpectError(\"{code}\", \"{memory}\");";
            return (GeneratedSuite.Identifier(c.Name), body);
        });
        return GeneratedSuite.WriteTestMethods(outputDirectory, SuitePrefix, "WasmBox.Nano.Conformance.NfTests", "Corpus", methods, supportFiles, references);
    }
}
