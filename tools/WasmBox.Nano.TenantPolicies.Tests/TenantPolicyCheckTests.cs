using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.TenantPolicies.Tests;

public class TenantPolicyCheckTests
{
    [Fact]
    public void A_document_with_seven_mistakes_gets_seven_problems_in_one_check_each_with_a_fix()
    {
        const string text = """
            {"tenants": [{"id": "Acme", "helpers": ["teleport"], "pins": [{"pin": 2, "mode": "pwm"}],
              "sensors": [{"name": "t", "access": "write"}], "topics": ["a/#/b"], "colour": "red",
              "limits": {"ramBytes": -5}}]}
            """;
        TenantPolicyReport report = TenantPolicyCheck.Check(text);
        Assert.False(report.Ok);
        Assert.Equal(new[]
        {
            "tenants[0].colour", "tenants[0].id", "tenants[0].helpers[0]", "tenants[0].pins[0].mode",
            "tenants[0].sensors[0].access", "tenants[0].topics[0]", "tenants[0].limits.ramBytes",
        }, report.Problems.Select(p => p.Path));
        Assert.All(report.Problems, p => Assert.Equal(PolicyProblem.Reader, p.Source));
        Assert.Contains("remove it or use one of: id, helpers", report.Problems[0].Reason);
        Assert.Contains("between 1 and 16777216, got -5", report.Problems[^1].Reason);
        Assert.Empty(report.Tenants);
    }

    [Fact]
    public void A_good_document_shows_each_tenant_with_every_limit_defaulted()
    {
        TenantPolicyReport report = TenantPolicyCheck.Check("""{"tenants": [{"id": "solo", "helpers": ["print"], "limits": {"runsPerSecond": 7}}]}""");
        Assert.True(report.Ok, string.Join("\n", report.Problems));
        TenantSummary solo = Assert.Single(report.Tenants);
        Assert.Equal(new[] { "print" }, solo.Helpers);
        Assert.Equal(LimitRange.All.Select(r => r.Name), solo.Limits.Keys);
        Assert.Equal(7, solo.Limits["runsPerSecond"]);
        Assert.Equal(7, solo.Limits["outsideRunsPerSecond"]);
        Assert.Equal(LimitRange.RamBytes.Default, solo.Limits["ramBytes"]);
    }

    [Fact]
    public void Broken_json_is_one_problem_with_line_and_column()
    {
        TenantPolicyReport report = TenantPolicyCheck.Check("{\"tenants\": [\n  {\"id\": tru}]}");
        PolicyProblem problem = Assert.Single(report.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Contains("line 2", problem.Reason);
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("/tenants/0/limits/ramBytes", "tenants[0].limits.ramBytes")]
    [InlineData("/tenants/1/pins/0", "tenants[1].pins[0]")]
    [InlineData("/a~1b/c~0d", "a/b.c~d")]
    public void Schema_locations_are_written_as_the_reader_writes_paths(string pointer, string path)
    {
        Assert.Equal(path, TenantPolicySchema.PathOf(pointer));
    }
}
