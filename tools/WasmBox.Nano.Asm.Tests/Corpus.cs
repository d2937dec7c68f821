using WasmBox.Nano.Conformance;

namespace WasmBox.Nano.Asm.Tests;

/// <summary>The bpf_conformance corpus, read from ../shared next to the repository when it is there.</summary>
internal static class Corpus
{
    public const string Absent = "(corpus absent)";

    public static readonly string? Directory = CorpusLocator.FindTestsDirectory();

    public static readonly string AbsentMessage =
        "bpf_conformance corpus not found at ../shared/conformance/bpf_conformance/tests next to the repository";

    /// <summary>One row per .data file name; a single placeholder row (skipped) when the corpus is absent.</summary>
    public static TheoryData<string> FileNames()
    {
        var data = new TheoryData<string>();
        if (Directory is null)
        {
            data.Add(Absent);
            return data;
        }
        foreach (string path in ConformanceRunner.TestFiles(Directory))
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    public static ConformanceCase Load(string fileName)
    {
        Skip.If(Directory is null, AbsentMessage);
        return DataFileParser.Load(Path.Combine(Directory!, fileName));
    }
}
