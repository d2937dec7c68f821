namespace WasmBox.Nano.Sim.Demo;

/// <summary>One thing the demo checked after the run.</summary>
public sealed record Check(string Container, string What, string Expected, string Actual)
{
    public bool Ok => Expected == Actual;

    public static Check Of<T>(string container, string what, T expected, T actual) =>
        new(container, what, Convert.ToString(expected, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture) ?? "");
}

/// <summary>Whether a tenant's results were what its inputs call for (or, for the hostile tenant, whether it was contained).</summary>
public sealed record TenantVerdict(string Tenant, bool Hostile, IReadOnlyList<Check> Checks)
{
    public bool Ok => Checks.Count > 0 && Checks.All(c => c.Ok);
}
