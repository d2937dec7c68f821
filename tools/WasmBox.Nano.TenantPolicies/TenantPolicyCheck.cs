using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.TenantPolicies;

/// <summary>What one tenant gets once its policy is read: its grants and every limit, defaults filled in.</summary>
public sealed record TenantSummary(string Id, IReadOnlyList<string> Helpers, int Pins, int Sensors, int Topics, int CoapPaths, int I2c,
    bool SignedInvokes, IReadOnlyDictionary<string, int> Limits);

/// <summary>The verdict on a tenant policy document: every problem, or every tenant as the board will see it.</summary>
public sealed record TenantPolicyReport(bool Ok, IReadOnlyList<PolicyProblem> Problems, IReadOnlyList<TenantSummary> Tenants);

/// <summary>
/// Checks a tenant policy document as a board will read it (the device's <see cref="PolicyParser"/>,
/// whose problems carry the fix) and against the JSON schema; a schema problem at a place the reader
/// did not flag is added, so a disagreement between the two shows instead of hiding.
/// </summary>
public static class TenantPolicyCheck
{
    public static TenantPolicyReport Check(string json)
    {
        PolicyParseResult parsed = PolicyParser.Parse(json);
        var problems = new List<PolicyProblem>();
        for (int i = 0; i < parsed.ErrorCount; i++)
            problems.Add(new PolicyProblem(parsed.ErrorAt(i).Path, parsed.ErrorAt(i).Reason, PolicyProblem.Reader));
        foreach (PolicyProblem extra in TenantPolicySchema.Validate(json))
        {
            if (!problems.Any(p => Related(p.Path, extra.Path)))
                problems.Add(extra);
        }
        IReadOnlyList<TenantSummary> tenants = parsed.Ok && problems.Count == 0 ? parsed.Tenants.Select(Summarise).ToArray() : [];
        return new TenantPolicyReport(problems.Count == 0, problems, tenants);
    }

    /// <summary>The same place, or one inside the other ("tenants[0].pins" and "tenants[0].pins[1].mode").</summary>
    private static bool Related(string a, string b)
    {
        if (a == "$" || b == "$")
            return a == b;
        return a == b || Inside(a, b) || Inside(b, a);
    }

    private static bool Inside(string inner, string outer) =>
        inner.StartsWith(outer, StringComparison.Ordinal) && (inner[outer.Length] == '.' || inner[outer.Length] == '[');

    private static TenantSummary Summarise(TenantPolicy t)
    {
        TenantLimits l = t.Limits;
        int[] values =
        [
            l.MaxContainers, l.MaxImageBytes, l.RamBytes, l.InstructionsPerRun, l.BranchesPerRun, l.RunsPerSecond,
            l.OutsideRunsPerSecond, l.HelperCallsPerSecond, l.LocalStoreCapacity, l.GlobalStoreCapacity, l.EventQueueDepth, l.PayloadBytes,
        ];
        var limits = new Dictionary<string, int>();
        for (int i = 0; i < LimitRange.All.Length; i++)
            limits[LimitRange.All[i].Name] = values[i];
        return new TenantSummary(t.TenantId, t.HelperIds.Select(id => HelperIds.NameOf(id) ?? id.ToString()).ToArray(),
            t.PinCount, t.SensorCount, t.TopicCount, t.CoapPathCount, t.I2cGrantCount, t.SignedInvokes, limits);
    }
}
