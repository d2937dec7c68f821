using System.Text;

namespace WasmBox.Nano.Bench.Tests;

/// <summary>Malformed manifests and missing files give a specific error, never a crash.</summary>
public sealed class ManifestTests
{
    private const string ValidEntry =
        """{ "name": "p", "bin": "p.bin", "input": "p.in", "expected": "0x2a", "instructionBudget": 10, "branchBudget": 5 }""";

    [Fact]
    public void ValidManifestLoadsEveryField()
    {
        var files = new FakeFiles($$"""{ "benchmarks": [ {{ValidEntry}} ] }""");

        Benchmark b = Assert.Single(BenchmarkManifest.Load(files));

        Assert.Equal("p", b.Name);
        Assert.Equal(42UL, b.Expected);
        Assert.Equal(10, b.InstructionBudget);
        Assert.Equal(5, b.BranchBudget);
        Assert.Equal([1, 2, 3], b.Program);
        Assert.Equal([7], b.Input);
    }

    [Theory]
    [InlineData("not json", "benchmarks.json: not valid JSON")]
    [InlineData("""{ "tests": [] }""", "benchmarks.json: expected an object with a \"benchmarks\" array")]
    [InlineData("""{ "benchmarks": [] }""", "benchmarks.json: lists no benchmarks")]
    [InlineData("""{ "benchmarks": [ 3 ] }""", "benchmarks.json: benchmarks[0]: expected an object")]
    [InlineData("""{ "benchmarks": [ { "bin": "p.bin" } ] }""", "benchmarks.json: benchmarks[0]: missing string \"name\"")]
    public void MalformedManifestIsRefused(string manifest, string messageStart)
    {
        var e = Assert.Throws<BenchmarkSetupException>(() => BenchmarkManifest.Load(new FakeFiles(manifest)));

        Assert.StartsWith(messageStart, e.Message);
    }

    [Theory]
    [InlineData("\"expected\": \"0x2a\"", "\"expected\": \"42\"", "\"expected\" must be a 64-bit hex number")]
    [InlineData("\"expected\": \"0x2a\"", "\"expected\": \"0x1ffffffffffffffff\"", "\"expected\" must be a 64-bit hex number")]
    [InlineData("\"instructionBudget\": 10", "\"instructionBudget\": 0", "\"instructionBudget\" must be a positive 32-bit integer")]
    [InlineData("\"branchBudget\": 5", "\"branchBudget\": \"5\"", "\"branchBudget\" must be a positive 32-bit integer")]
    public void BadFieldIsNamed(string field, string replacement, string message)
    {
        string manifest = $$"""{ "benchmarks": [ {{ValidEntry.Replace(field, replacement)}} ] }""";

        var e = Assert.Throws<BenchmarkSetupException>(() => BenchmarkManifest.Load(new FakeFiles(manifest)));

        Assert.StartsWith("benchmarks.json: benchmarks[0] (p): " + message, e.Message);
    }

    [Fact]
    public void MissingFileInAFolderIsNamed()
    {
        string dir = Directory.CreateTempSubdirectory("wbx-bench-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "benchmarks.json"), $$"""{ "benchmarks": [ {{ValidEntry}} ] }""");

            var e = Assert.Throws<BenchmarkSetupException>(() => BenchmarkManifest.Load(new DirectoryBenchmarkFiles(dir)));

            Assert.Equal("benchmark file not found: " + Path.Combine(dir, "p.bin"), e.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private sealed class FakeFiles(string manifest) : IBenchmarkFiles
    {
        public string Origin => "test";

        public byte[] Read(string relativePath) => relativePath switch
        {
            "benchmarks.json" => Encoding.UTF8.GetBytes(manifest),
            "p.bin" => [1, 2, 3],
            "p.in" => [7],
            _ => throw new BenchmarkSetupException("no file " + relativePath),
        };
    }
}
