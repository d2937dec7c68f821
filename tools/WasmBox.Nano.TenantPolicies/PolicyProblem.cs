namespace WasmBox.Nano.TenantPolicies;

/// <summary>One problem in a tenant policy document: where (e.g. "tenants[0].limits.ramBytes"), what and the fix, and who found it.</summary>
public sealed record PolicyProblem(string Path, string Reason, string Source)
{
    /// <summary>Found by the board's own reader (<c>PolicyParser</c>).</summary>
    public const string Reader = "reader";

    /// <summary>Found by JSON schema validation only.</summary>
    public const string Schema = "schema";

    public override string ToString() => Path + ": " + Reason;
}
