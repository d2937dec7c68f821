namespace WasmBox.Nano.Bench;

/// <summary>One program of the suite with its input, expected r0 and per-run budgets.</summary>
public sealed record Benchmark(
    string Name,
    byte[] Program,
    byte[] Input,
    ulong Expected,
    int InstructionBudget,
    int BranchBudget);
