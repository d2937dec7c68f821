using System.Diagnostics;
using System.Text.Json;
using WasmBox.Nano.TestSupport;

namespace WasmBox.Nano.Deploy.Tests;

/// <summary>The README's tour with nothing installed: `wbx broker` + `wbx device` + `wbx deploy`, as processes.</summary>
public class BuiltInBrokerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Wbx_broker_device_and_deploy_work_with_no_broker_installed()
    {
        Skip.If(!File.Exists(WbxProcess.DllPath), "wbx is not built");
        string root = WbxProcess.RepoRoot();
        int port = LoopbackPort.Free();
        using var broker = await Background.StartAsync("broker", "--port", port.ToString(), "--user", "tour", "--password", "tour-pw", "--json");
        JsonElement listeners = JsonDocument.Parse(broker.FirstLine).RootElement;
        string url = listeners.GetProperty("mqtt").GetString()!;
        Assert.Equal("mqtt://127.0.0.1:" + port, url);
        string[] credentials = ["--user", "tour", "--password", "tour-pw"];
        using var device = await Background.StartAsync(["device", "--mqtt", url, "--id", "tour-1", .. credentials,
            "--policy", Path.Combine(root, "tools/samples/policy.demo.json"), "--keyring", Path.Combine(root, "tools/samples/keys"), "--telemetry", "0"]);
        Assert.StartsWith("device tour-1 online on mqtt " + url, device.FirstLine);

        WbxResult deploy = WbxProcess.Run(null, Wait, ["deploy", Path.Combine(root, "tools/samples/out/blinker.wbx"), "--mqtt", url, .. credentials,
            "--device", "tour-1"]);
        WbxResult status = WbxProcess.Run(null, Wait, ["status", "--mqtt", url, .. credentials, "--device", "tour-1"]);
        WbxResult anonymous = WbxProcess.RunWithEnvironment(new Dictionary<string, string?> { ["WBX_MQTT_USER"] = null, ["WBX_MQTT_PASSWORD"] = null },
            null, Wait, "status", "--mqtt", url, "--device", "tour-1");

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.StartsWith("tour-1: installed acme/1 sequence 1", deploy.Stdout);
        Assert.Contains("acme/1  blinker  sequence 1  running", status.Stdout);
        Assert.Equal("wbx: error: the MQTT broker at " + url + " wants credentials (bad user name or password): give --user and --password"
            + " (or WBX_MQTT_USER and WBX_MQTT_PASSWORD)", anonymous.Stderr.Trim());
    }


    /// <summary>A long-running wbx (broker, device) this test started; disposing kills it.</summary>
    private sealed class Background : IDisposable
    {
        private readonly Process _process;

        private Background(Process process, string firstLine)
        {
            _process = process;
            FirstLine = firstLine;
        }

        public string FirstLine { get; }

        /// <summary>Starts wbx and waits for its first line of output (it says it is ready).</summary>
        public static async Task<Background> StartAsync(params string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(WbxProcess.DllPath);
            foreach (string a in args)
                start.ArgumentList.Add(a);
            Process process = Process.Start(start)!;
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(Wait);
            if (line is null)
            {
                await process.WaitForExitAsync().WaitAsync(Wait);
                string error = await stderr;
                process.Dispose();
                throw new InvalidOperationException("wbx " + string.Join(' ', args) + " ended: " + error);
            }
            return new Background(process, line);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit(30_000);
            _process.Dispose();
        }
    }
}
