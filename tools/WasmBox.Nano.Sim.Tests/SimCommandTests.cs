using WasmBox.Nano.TestSupport;
using System.Text.Json;
using WasmBox.Nano.Sim.Tests.Support;

namespace WasmBox.Nano.Sim.Tests;

/// <summary>`wbx sim` as a user runs it: files on disk, a real process, exit codes and messages.</summary>
public sealed class SimCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly TestBundles _bundles = new();
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("wbx-sim-test-");
    private readonly string _policy;
    private readonly string _keys;
    private readonly string _bundle;

    public SimCommandTests()
    {
        _policy = Path.Combine(_dir.FullName, "policy.json");
        File.WriteAllText(_policy, TestPolicies.TwoTenants);
        _keys = Directory.CreateDirectory(Path.Combine(_dir.FullName, "keys")).FullName;
        File.WriteAllText(Path.Combine(_keys, "acme.pub.pem"), _bundles.KeyOf("acme").ExportSubjectPublicKeyInfoPem());
        var blinker = TestBundles.Fields("acme", "blinker", TestBundles.Timer(100));
        blinker.Pins = [new Bundle.PinRequest(2, 3)];
        _bundle = Path.Combine(_dir.FullName, "blinker.wbx");
        File.WriteAllBytes(_bundle, _bundles.Sign(TestBundles.Image("mov %r1, 2\ncall 0x72\nexit"), blinker));
    }

    public void Dispose() => _dir.Delete(recursive: true);

    internal static void SkipUnlessWbxHas(string command)
    {
        string? missing = Wbx.Missing(command);
        Skip.If(missing is not null, missing);
    }

    private WbxResult Sim(params string[] extra) =>
        Wbx.Run(Timeout, ["sim", "--policy", _policy, "--keyring", _keys, "--bundle", _bundle, "--seconds", "1", "--json", .. extra]);

    [SkippableFact]
    public void A_good_setup_runs_and_prints_json_lines_ending_in_a_summary()
    {
        SkipUnlessWbxHas("sim");

        WbxResult r = Sim("--profile", "esp32-devkitc", "--press", "boot@200");

        Assert.True(r.ExitCode == 0, r.Stderr);
        JsonElement[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Contains(lines, l => l.GetProperty("type").GetString() == "snapshot");
        Assert.Contains(lines, l => l.GetProperty("type").GetString() == "input");
        JsonElement summary = lines[^1];
        Assert.Equal("summary", summary.GetProperty("type").GetString());
        JsonElement blinker = Assert.Single(summary.GetProperty("containers").EnumerateArray());
        Assert.Equal("running", blinker.GetProperty("state").GetString());
        Assert.True(blinker.GetProperty("runs").GetInt64() >= 1);
    }

    [SkippableFact]
    public void A_new_project_is_built_signed_and_run_and_its_printed_line_shows()
    {
        SkipUnlessWbxHas("sim");
        Skip.IfNot((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "clang"))), "clang is not installed");
        Assert.Equal(0, WbxProcess.Run(_dir.FullName, Timeout, "new", "hello").ExitCode);

        WbxResult json = WbxProcess.Run(_dir.FullName, Timeout, "sim", "hello", "--seconds", "3", "--json");
        WbxResult byFile = WbxProcess.Run(_dir.FullName, Timeout, "sim", "hello/hello.c", "--seconds", "3");

        foreach (WbxResult r in new[] { json, byFile })
        {
            Assert.True(r.ExitCode == 0, r.ToString());
            JsonElement[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            JsonElement log = lines.First(l => l.GetProperty("type").GetString() == "log");
            Assert.Equal(("hello", "hello from hello, run 1"), (log.GetProperty("tenant").GetString(), log.GetProperty("line").GetString()));
            Assert.Equal("running", lines[^1].GetProperty("containers")[0].GetProperty("state").GetString());
        }
    }

    [SkippableFact]
    public void Sim_with_nothing_to_run_says_what_to_give()
    {
        SkipUnlessWbxHas("sim");

        WbxResult r = Wbx.Run(Timeout, "sim");

        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("wbx: error: nothing to run", r.Stderr);
    }

    [SkippableFact]
    public void An_unknown_profile_is_a_clear_error()
    {
        SkipUnlessWbxHas("sim");

        WbxResult r = Sim("--profile", "esp99-nothing");

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("no profile named \"esp99-nothing\"", r.Stderr);
    }

    [SkippableFact]
    public void A_bad_policy_names_the_field_and_the_reason()
    {
        SkipUnlessWbxHas("sim");
        File.WriteAllText(_policy, TestPolicies.TwoTenants.Replace("\"maxContainers\": 2", "\"maxContainers\": -5", StringComparison.Ordinal));

        WbxResult r = Sim("--profile", "esp32-devkitc");

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("tenants[0].limits.maxContainers", r.Stderr);
    }

    [SkippableFact]
    public void A_tampered_bundle_is_refused_with_its_reason()
    {
        SkipUnlessWbxHas("sim");
        byte[] bytes = File.ReadAllBytes(_bundle);
        bytes[^3] ^= 0x01;
        File.WriteAllBytes(_bundle, bytes);

        WbxResult r = Sim("--profile", "esp32-devkitc");

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("blinker.wbx refused (bad-bundle): digest-mismatch", r.Stderr);
    }

    [SkippableFact]
    public void A_press_of_a_button_the_board_lacks_is_refused()
    {
        SkipUnlessWbxHas("sim");

        WbxResult r = Sim("--profile", "esp32-devkitc", "--press", "reset@100");

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("has no such button (it has: boot)", r.Stderr);
    }
}
