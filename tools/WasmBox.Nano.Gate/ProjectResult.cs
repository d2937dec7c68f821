namespace WasmBox.Nano.Gate;

/// <summary>The gate's verdict on one project (or one checked file).</summary>
internal sealed record ProjectResult(string DisplayPath, int FileCount, IReadOnlyList<GateDiagnostic> Errors)
{
    public bool Ok => Errors.Count == 0;

    public string Summary => Ok
        ? $"gate: {DisplayPath} ok ({FileCount} file{(FileCount == 1 ? "" : "s")})"
        : $"gate: {DisplayPath} FAILED ({Errors.Count} errors)";
}

/// <summary>A project of <see cref="Gate.Build"/>: its verdict and, when it passed and could be written, its assembly.</summary>
internal sealed record BuiltProject(ProjectResult Result, string? AssemblyPath);
