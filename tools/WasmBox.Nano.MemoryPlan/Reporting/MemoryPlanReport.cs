using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.MemoryPlan.Measuring;
using WasmBox.Nano.MemoryPlan.Planning;

namespace WasmBox.Nano.MemoryPlan.Reporting;

/// <summary>Both tables of the memory plan: components (measured on one profile's board) and a budget per profile.</summary>
public sealed record MemoryPlanReport(string ComponentsProfile, IReadOnlyList<ComponentRow> Components, IReadOnlyList<ProfileBudget> Budgets)
{
    /// <summary>Measures everything live. Components run on <paramref name="profiles"/>[0]'s board.</summary>
    public static MemoryPlanReport Measure(IReadOnlyList<HardwareProfile> profiles)
    {
        if (profiles.Count == 0)
        {
            throw new ArgumentException("no profile to plan", nameof(profiles));
        }
        return new MemoryPlanReport(profiles[0].Id, new ComponentMeasurements(profiles[0]).MeasureAll(),
            profiles.Select(BudgetPlanner.Plan).ToList());
    }
}
