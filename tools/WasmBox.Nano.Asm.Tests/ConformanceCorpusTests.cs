using WasmBox.Nano.Conformance;

namespace WasmBox.Nano.Asm.Tests;

public class ConformanceCorpusTests
{
    // 313 files: 34 atomics (lock_*, rfc9669_lock_*) and callx are out of scope.
    private const int ExpectedInScope = 278;

    public static TheoryData<string> Files() => Corpus.FileNames();

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Case_passes_on_the_vm(string fileName)
    {
        var test = Corpus.Load(fileName);
        Skip.If(test.OutOfScopeReason is not null, fileName + " is out of scope: " + test.OutOfScopeReason);

        var result = ConformanceRunner.Run(test);

        Assert.True(result.Outcome == CaseOutcome.Passed, fileName + ": " + result.Detail);
    }

    [SkippableFact]
    public void Every_in_scope_case_exists_and_passes()
    {
        Skip.If(Corpus.Directory is null, Corpus.AbsentMessage);
        var results = ConformanceRunner.TestFiles(Corpus.Directory!)
            .Select(path => ConformanceRunner.Run(DataFileParser.Load(path)))
            .ToList();

        var inScope = results.Where(r => r.Outcome != CaseOutcome.OutOfScope).ToList();
        Assert.Equal(ExpectedInScope, inScope.Count);
        Assert.Empty(inScope.Where(r => r.Outcome != CaseOutcome.Passed).Select(r => r.Name + ": " + r.Detail));
    }

    [Theory]
    [InlineData("lock_add", true)]
    [InlineData("rfc9669_lock_xchg64", true)]
    [InlineData("callx", true)]
    [InlineData("call_local", false)]
    [InlineData("lsh64-reg", false)]
    public void Scope_excludes_atomics_and_callx_only(string name, bool outOfScope)
    {
        Assert.Equal(outOfScope, Scope.Classify(name) is not null);
    }
}
