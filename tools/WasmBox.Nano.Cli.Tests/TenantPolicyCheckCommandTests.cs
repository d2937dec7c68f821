using WasmBox.Nano.TestSupport;

namespace WasmBox.Nano.Cli.Tests;

/// <summary>`wbx tenant-policy check` prints every problem of a policy at once, and `--json` for scripts.</summary>
public sealed class TenantPolicyCheckCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private const string Bad = """{"tenants": [{"id": "Acme", "helpers": ["teleport"], "colour": 1, "limits": {"RamBytes": 5, "maxContainers": 0}}]}""";
    private readonly string _work = Directory.CreateTempSubdirectory("wbx-tenant-policy-").FullName;

    [SkippableFact]
    public void Every_problem_is_one_line_and_one_error_line_ends_it()
    {
        Skip.If(!File.Exists(WbxProcess.DllPath), "wbx is not built");
        string file = Write("bad.json", Bad);
        WbxResult result = WbxProcess.Run(_work, Timeout, "tenant-policy", "check", file);
        Assert.Equal(1, result.ExitCode);
        string[] lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "tenants[0].colour", "tenants[0].id", "tenants[0].helpers[0]", "tenants[0].limits.RamBytes", "tenants[0].limits.maxContainers" },
            lines[..^1].Select(l => l[(file.Length + 2)..].Split(':')[0]));
        Assert.Contains("did you mean \"ramBytes\"?", lines[3]);
        Assert.StartsWith("wbx: error: " + file + ": 5 problems;", lines[^1]);
        Assert.Empty(result.Stdout);
    }

    [SkippableFact]
    public void Json_lists_the_problems_or_the_tenants_with_their_defaults()
    {
        Skip.If(!File.Exists(WbxProcess.DllPath), "wbx is not built");
        WbxResult bad = WbxProcess.Run(_work, Timeout, "tenant-policy", "check", Write("bad.json", Bad), "--json");
        Assert.Equal(1, bad.ExitCode);
        Assert.False(bad.Json.GetProperty("ok").GetBoolean());
        Assert.Equal(5, bad.Json.GetProperty("problems").GetArrayLength());
        Assert.Equal("reader", bad.Json.GetProperty("problems")[0].GetProperty("source").GetString());

        WbxResult good = WbxProcess.Run(_work, Timeout, "tenant-policy", "check", Write("good.json", """{"tenants": [{"id": "solo"}]}"""), "--json");
        Assert.Equal(0, good.ExitCode);
        var limits = good.Json.GetProperty("tenants")[0].GetProperty("limits");
        Assert.Equal(4, limits.GetProperty("maxContainers").GetInt32());
        Assert.Equal(50, limits.GetProperty("outsideRunsPerSecond").GetInt32());
    }

    [SkippableFact]
    public void The_schema_comes_out_of_the_tool_and_the_stub_of_wbx_new_passes_the_check()
    {
        Skip.If(!File.Exists(WbxProcess.DllPath), "wbx is not built");
        WbxResult schema = WbxProcess.Run(_work, Timeout, "tenant-policy", "schema");
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.Json.GetProperty("$schema").GetString());
        Assert.Equal(0, WbxProcess.Run(_work, Timeout, "new", "stub", "--policy").ExitCode);
        WbxResult check = WbxProcess.Run(_work, Timeout, "tenant-policy", "check", Path.Combine(_work, "stub", "policy.json"));
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("ok, 1 tenant", check.Stdout);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
