using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.MemoryPlan.Measuring;
using WasmBox.Nano.MemoryPlan.Reporting;

namespace WasmBox.Nano.MemoryPlan.Tests;

/// <summary>The component measurements are live, non-zero where something is held, and zero per run.</summary>
public class MeasurementTests
{
    private static readonly HardwareProfile DevKit = HardwareProfiles.Load("esp32-devkitc").Profile!;
    private static readonly IReadOnlyList<ComponentRow> Rows = new ComponentMeasurements(DevKit).MeasureAll();

    [Fact]
    public void Every_component_but_the_run_costs_device_bytes()
    {
        Assert.All(Rows.Where(r => r.Group != "run"), r => Assert.True(r.DeviceBytes > 0, r.Group + " / " + r.Component));
    }

    [Fact]
    public void A_run_allocates_nothing_on_the_host()
    {
        ComponentRow run = Assert.Single(Rows, r => r.Group == "run");
        Assert.Equal(0, run.HostBytes);
        Assert.Equal(0, run.DeviceBytes);
    }

    [Fact]
    public void Installs_and_verifier_runs_allocate_on_the_host_and_grow_with_the_program()
    {
        long[] verify = Rows.Where(r => r.Component.StartsWith("verifier run", StringComparison.Ordinal)).Select(r => r.HostBytes).ToArray();
        Assert.Equal(3, verify.Length);
        Assert.True(verify[0] > 0 && verify[0] < verify[1] && verify[1] < verify[2], string.Join(", ", verify));
        Assert.All(Rows.Where(r => r.Component.StartsWith("total", StringComparison.Ordinal)), r => Assert.True(r.HostBytes > 0));
    }

    [Fact]
    public void The_helper_table_is_a_256_byte_id_map_and_one_reference_per_handler_on_the_device()
    {
        ComponentRow table = Assert.Single(Rows, r => r.Group == "helpers");
        // object (2 fields) 12 + 24 = 36; byte[256]: 20 + 256 = 276; IHelper[1]: 20 + 12 = 32, rounded to 36
        Assert.Equal(36 + 276 + 36, table.DeviceBytes);
        Assert.Equal(2, table.DeviceArrays);
        Assert.Contains("256-byte id map + 1 handler slot", table.Component);
    }

    [Fact]
    public void A_small_containers_parts_add_up_to_its_RamEstimate()
    {
        ComponentRow[] parts = Rows.Where(r => r.Group == "container small").ToArray();
        ComponentRow total = parts[^1];
        Assert.Equal(parts[..^1].Sum(p => p.DeviceBytes), total.DeviceBytes);
        Assert.Contains("RamEstimate = " + total.DeviceBytes + ")", total.Component);
        Assert.All(parts, p => Assert.True(p.DeviceBytes > 0, p.Component));
    }

    [Fact]
    public void The_report_prints_both_tables_from_the_measurements()
    {
        var report = new MemoryPlanReport(DevKit.Id, Rows, [Planning.BudgetPlanner.Plan(DevKit)]);

        string text = MemoryPlanText.Format(report);
        string json = MemoryPlanJson.Format(report);

        Assert.Contains("| esp32-devkitc | 81920 |", text);
        Assert.Contains("| run | one run (timer dispatch, small container) | 0 | 0 |", text);
        Assert.Contains("\"profile\": \"esp32-devkitc\"", json);
        Assert.Contains("\"components\": [", json);
    }
}
