using WasmBox.Nano.TestSupport;
using System.Text.Json;
using WasmBox.Nano.Sim.Tests.Support;

namespace WasmBox.Nano.Sim.Tests;

/// <summary>`wbx demo` as a user or a script runs it.</summary>
public sealed class DemoCommandTests
{
    [SkippableFact]
    public void A_short_demo_prints_valid_json_lines_with_a_verdict_per_tenant_and_exits_0()
    {
        SimCommandTests.SkipUnlessWbxHas("demo");

        WbxResult r = Wbx.Run(TimeSpan.FromMinutes(2), "demo", "--seconds", "3", "--json");

        Assert.True(r.ExitCode == 0, "exit " + r.ExitCode + ": " + r.Stderr + r.Stdout[^Math.Min(2000, r.Stdout.Length)..]);
        JsonElement[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.All(lines, l => Assert.Contains(l.GetProperty("type").GetString(), new[] { "input", "event", "snapshot", "summary" }));
        Assert.Contains(lines, l => l.GetProperty("type").GetString() == "event" && l.GetProperty("kind").GetString() == "quarantined");
        JsonElement summary = lines[^1];
        Assert.Equal("summary", summary.GetProperty("type").GetString());
        JsonElement[] tenants = summary.GetProperty("tenants").EnumerateArray().ToArray();
        Assert.True(tenants.Length >= 3, "expected the well-behaved tenants and the hostile one");
        Assert.All(tenants, t => Assert.True(t.GetProperty("ok").GetBoolean(), t.ToString()));
    }

    [SkippableFact]
    public void Compare_without_measure_is_refused()
    {
        SimCommandTests.SkipUnlessWbxHas("demo");

        WbxResult r = Wbx.Run(TimeSpan.FromMinutes(1), "demo", "--compare");

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--compare needs --measure", r.Stderr);
    }
}
