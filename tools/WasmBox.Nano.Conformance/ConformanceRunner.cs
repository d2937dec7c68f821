using WasmBox.Nano.Asm;

namespace WasmBox.Nano.Conformance;

public enum CaseOutcome
{
    Passed,
    Failed,
    OutOfScope,
}

/// <summary>The verdict on one conformance case and, unless it passed, why.</summary>
public sealed record CaseResult(string Name, CaseOutcome Outcome, string Detail);

/// <summary>Runs conformance cases on the VM with the harness helpers 0-5.</summary>
public static class ConformanceRunner
{
    public static CaseResult Run(ConformanceCase test)
    {
        if (test.OutOfScopeReason is string reason)
        {
            return new CaseResult(test.Name, CaseOutcome.OutOfScope, reason);
        }
        byte[] code;
        try
        {
            code = Bytecode(test);
        }
        catch (AssemblyException e)
        {
            return new CaseResult(test.Name, CaseOutcome.Failed, "assembly: " + e.Message);
        }
        var outcome = ProgramExecution.Run(code, (byte[])test.Memory.Clone(), ConformanceHelpers.CreateTable(), new ExecutionLimits());
        if (outcome.Failure is string failure)
        {
            // A case that expects an error passes when the program is refused or faults.
            return test.ExpectedError is null
                ? new CaseResult(test.Name, CaseOutcome.Failed, failure)
                : new CaseResult(test.Name, CaseOutcome.Passed, failure);
        }
        if (test.ExpectedError is not null)
        {
            return new CaseResult(test.Name, CaseOutcome.Failed,
                "expected error '" + test.ExpectedError + "', got r0 = 0x" + outcome.Result.ToString("x"));
        }
        return outcome.Result == test.ExpectedResult
            ? new CaseResult(test.Name, CaseOutcome.Passed, "")
            : new CaseResult(test.Name, CaseOutcome.Failed,
                "r0 = 0x" + outcome.Result.ToString("x") + ", expected 0x" + test.ExpectedResult.ToString("x"));
    }

    /// <summary>The program's bytes: the <c>-- raw</c> section when present, else the assembled <c>-- asm</c>.</summary>
    public static byte[] Bytecode(ConformanceCase test) => test.Raw ?? Assembler.Assemble(test.Assembly);

    /// <summary>Every <c>.data</c> file of <paramref name="directory"/>, in name order.</summary>
    public static IReadOnlyList<string> TestFiles(string directory) =>
        Directory.GetFiles(directory, "*.data").OrderBy(f => f, StringComparer.Ordinal).ToArray();
}
