namespace WasmBox.Nano.Conformance;

/// <summary>Which corpus groups the WasmBox.Nano VM does not implement, by file name.</summary>
public static class Scope
{
    /// <summary>The reason a test is out of scope, or null when it is in scope.</summary>
    public static string? Classify(string testName)
    {
        if (testName.StartsWith("lock_", StringComparison.Ordinal) || testName.StartsWith("rfc9669_lock_", StringComparison.Ordinal))
        {
            return "atomic instructions are not supported";
        }
        if (testName == "callx")
        {
            return "callx (call by register) is not supported";
        }
        return null;
    }
}
