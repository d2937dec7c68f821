using System.Text.Json;

namespace WasmBox.Nano.MemoryPlan.Reporting;

/// <summary>The memory plan as JSON (camelCase members of the report records).</summary>
public static class MemoryPlanJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    public static string Format(MemoryPlanReport report) => JsonSerializer.Serialize(report, Options);
}
