namespace WasmBox.Nano.Conformance;

/// <summary>One parsed bpf_conformance <c>.data</c> file.</summary>
public sealed record ConformanceCase(
    string Name,
    string Path,
    string Assembly,
    byte[]? Raw,
    byte[] Memory,
    ulong ExpectedResult,
    string? ExpectedError)
{
    /// <summary>Why the case is outside the VM's scope, or null when it is in scope.</summary>
    public string? OutOfScopeReason => Scope.Classify(Name);
}
