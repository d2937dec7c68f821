using System.Text;
using WasmBox.Nano.MemoryPlan.Measuring;
using WasmBox.Nano.MemoryPlan.Planning;

namespace WasmBox.Nano.MemoryPlan.Reporting;

/// <summary>The memory plan as Markdown tables (the form hw-profiles/README.md keeps).</summary>
public static class MemoryPlanText
{
    public static string Format(MemoryPlanReport report)
    {
        var b = new StringBuilder();
        b.AppendLine("Components (host: median GC bytes allocated; device: nanoFramework 32-bit heap; board " + report.ComponentsProfile + ")");
        b.AppendLine();
        b.AppendLine("| group | component | host B | device B | objects | arrays | note |");
        b.AppendLine("|---|---|---:|---:|---:|---:|---|");
        foreach (ComponentRow r in report.Components)
        {
            b.AppendLine("| " + r.Group + " | " + r.Component + " | " + r.HostBytes + " | " + (r.DeviceMeasured ? "" : "≈") + r.DeviceBytes
                + " | " + r.DeviceObjects + " | " + r.DeviceArrays + " | " + r.Note + " |");
        }
        b.AppendLine();
        b.AppendLine("Budget per profile (counts are live installs on a simulated board of the profile, one tenant provisioned)");
        b.AppendLine();
        b.AppendLine("| profile | heap | reserve (needed: core + bundle peak + margin of " + BudgetPlanner.SafetyMarginPercent + "%, at most "
            + BudgetPlanner.SafetyMarginCapBytes + ") | container budget | tenant | "
            + string.Join(" | ", ContainerShape.Standard.Select(s => s.Name)) + " | profile container | overhead (derived) | maxContainers (profile / formula / runtime) |");
        b.AppendLine("|---|---:|---|---:|---:|" + string.Concat(ContainerShape.Standard.Select(_ => "---|")) + "---|---:|---|");
        foreach (ProfileBudget p in report.Budgets)
        {
            b.Append("| " + p.Profile + " | " + p.ManagedHeapBytes + " | " + p.RuntimeReserveBytes + " (" + p.ReserveNeededBytes + " = "
                + p.RuntimeCoreBytes + " + " + p.BundlePeakBytes + " + " + p.SafetyMarginBytes + (p.ReserveCovers ? ", ok" : ", SHORT") + ") | "
                + p.HeapBudgetBytes + " | " + p.TenantReserveBytes + " | ");
            foreach (ShapeCapacity s in p.Shapes)
            {
                b.Append(s.Fits + " × " + s.EstimateBytes + " | ");
            }
            b.AppendLine(p.ProfileContainer.Fits + " × " + p.ProfileContainer.EstimateBytes + " | " + p.DerivedOverheadBytes + " | "
                + p.ProfileMaxContainers + " / " + p.FormulaMaxContainers + " / " + p.ProfileContainer.Fits
                + (p.FormulaAgrees ? "" : " MISMATCH") + " |");
        }
        b.AppendLine();
        b.AppendLine("Shapes: " + string.Join("; ", ContainerShape.Standard.Select(s => s.Name + " = " + s.Description))
            + "; profile container = the profile's maxImageBytes of code, its stackFrames, 1 helper, 1 hook, tenant defaults.");
        return b.ToString();
    }
}
