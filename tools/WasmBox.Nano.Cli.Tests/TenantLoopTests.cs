using System.Text.Json;
using WasmBox.Nano.Cli.Tests.Support;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.TestSupport;

namespace WasmBox.Nano.Cli.Tests;

/// <summary>
/// The tenant's loop as a user runs it, through the packaged tool: `wbx new`, `wbx deploy` to a
/// simulated device (`wbx device`) on a private mosquitto, the function's printed line in the
/// deploy's own output, a second deploy after an edit with no sequence number given, and a
/// quarantine that `wbx status --json` reports with its reason; `wbx attest --json` and `wbx watch --json`
/// for scripts.
/// </summary>
public sealed class TenantLoopTests(PackagedWbx wbx, Mosquitto broker) : IClassFixture<PackagedWbx>, IClassFixture<Mosquitto>, IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);
    private static readonly Dictionary<string, string> NoEnvironment = [];
    private readonly string _work = Directory.CreateTempSubdirectory("wbx-loop-").FullName;

    [SkippableFact]
    public void New_then_deploy_shows_the_printed_line_and_the_next_deploy_picks_its_own_sequence()
    {
        RequireClang();
        string mqtt = "127.0.0.1:" + broker.Require().Port;
        Assert.Equal(0, Wbx("new", "hello", "--key", "--policy").ExitCode);
        using var device = DeviceProcess.Start(wbx, _work, "--mqtt", mqtt, "--id", "loop-1", "--policy", "hello/policy.json",
            "--keyring", "hello/keys", "--telemetry", "0");

        WbxResult first = Wbx("deploy", "hello", "--mqtt", mqtt, "--device", "loop-1", "--lines", "1", "--follow-for", "120");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("loop-1: installed hello/0 sequence 1", first.Stdout);
        Assert.Contains("loop-1 hello/hello: hello from hello, run ", first.Stdout);

        string source = Path.Combine(_work, "hello", "hello.c");
        File.WriteAllText(source, File.ReadAllText(source).Replace("hello from", "edited,"));
        WbxResult second = WbxWith(new() { ["WBX_MQTT"] = mqtt, ["WBX_DEVICE"] = "loop-1" },
            "deploy", "hello/hello.c", "--lines", "1", "--follow-for", "120");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("loop-1: updated hello/0 sequence 2", second.Stdout);
        Assert.Contains("loop-1 hello/hello: edited, hello, run ", second.Stdout);
    }

    [SkippableFact]
    public void A_quarantined_function_shows_in_status_json_with_its_reason()
    {
        RequireClang();
        string mqtt = "127.0.0.1:" + broker.Require().Port;
        Assert.Equal(0, Wbx("new", "flood", "--key", "--policy").ExitCode);
        // Far more helper calls in one run than the policy's helperCallsPerSecond: the monitor quarantines it.
        File.WriteAllText(Path.Combine(_work, "flood", "flood.c"), """
            #include "wasmbox.h"
            int64_t flood(const struct wbx_context *ctx)
            {
                uint64_t sum = 0;
                for (uint32_t i = 0; i < 5000; i++)
                    sum += wbx_now_ms();
                return (int64_t)sum;
            }
            """);
        using var device = DeviceProcess.Start(wbx, _work, "--mqtt", mqtt, "--id", "loop-2", "--policy", "flood/policy.json",
            "--keyring", "flood/keys", "--telemetry", "0");
        Assert.Equal(0, Wbx("deploy", "flood", "--mqtt", mqtt, "--device", "loop-2", "--follow", "false").ExitCode);

        JsonElement function = default;
        for (int attempt = 0; attempt < 60; attempt++)
        {
            WbxResult status = Wbx("status", "--mqtt", mqtt, "--device", "loop-2", "--json");
            function = JsonDocument.Parse(status.Stdout).RootElement.GetProperty("functions")[0];
            if (function.GetProperty("state").GetString() == "quarantined")
                break;
            Thread.Sleep(500);
        }

        Assert.Equal("quarantined", function.GetProperty("state").GetString());
        Assert.Contains("helper", function.GetProperty("reason").GetString());
    }

    [SkippableFact]
    public void Attest_and_watch_print_json_for_scripts()
    {
        RequireClang();
        string mqtt = "127.0.0.1:" + broker.Require().Port;
        Assert.Equal(0, Wbx("new", "probe", "--key", "--policy").ExitCode);
        File.WriteAllText(Path.Combine(_work, "device.key"), new string('7', 64));
        File.WriteAllText(Path.Combine(_work, "other.key"), new string('8', 64));
        using var device = DeviceProcess.Start(wbx, _work, "--mqtt", mqtt, "--id", "loop-3", "--policy", "probe/policy.json",
            "--keyring", "probe/keys", "--device-key", "device.key", "--telemetry", "0");
        Assert.Equal(0, Wbx("deploy", "probe", "--mqtt", mqtt, "--device", "loop-3", "--follow", "false").ExitCode);

        WbxResult attest = Wbx("attest", "--mqtt", mqtt, "--device", "loop-3", "--device-key", "device.key", "--json");
        Assert.True(attest.ExitCode == 0, attest.ToString());
        JsonElement report = JsonDocument.Parse(attest.Stdout).RootElement;
        Assert.True(report.GetProperty("verified").GetBoolean());
        JsonElement function = Assert.Single(report.GetProperty("functions").EnumerateArray());
        Assert.Equal(("probe", 1L), (function.GetProperty("tenant").GetString(), function.GetProperty("sequence").GetInt64()));
        Assert.Equal(64, function.GetProperty("sha256").GetString()!.Length);

        WbxResult forged = Wbx("attest", "--mqtt", mqtt, "--device", "loop-3", "--device-key", "other.key", "--json");
        Assert.Equal(1, forged.ExitCode);
        JsonElement refused = JsonDocument.Parse(forged.Stdout).RootElement;
        Assert.False(refused.GetProperty("verified").GetBoolean());
        Assert.False(string.IsNullOrEmpty(refused.GetProperty("reason").GetString()));

        WbxResult watch = Wbx("watch", "--mqtt", mqtt, "--device", "loop-3", "--count", "1", "--seconds", "60", "--json");
        Assert.True(watch.ExitCode == 0, watch.ToString());
        JsonElement state = JsonDocument.Parse(watch.Stdout).RootElement;
        Assert.Equal(("loop-3", "state", true), (state.GetProperty("device").GetString(), state.GetProperty("channel").GetString(), state.GetProperty("retained").GetBoolean()));
        Assert.Equal("probe", state.GetProperty("message").GetProperty("functions")[0].GetProperty("tenant").GetString());
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private WbxResult Wbx(params string[] args) => wbx.Run(_work, NoEnvironment, CommandTimeout, args);

    private WbxResult WbxWith(Dictionary<string, string> environment, params string[] args) => wbx.Run(_work, environment, CommandTimeout, args);

    private static void RequireClang() =>
        Skip.IfNot((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "clang"))),
            "clang is not installed (Debian package 'clang'); building a function needs it");
}
