using System.Collections.Concurrent;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Deploy.Fleet;
using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Deploy.Tests.Support;
using WasmBox.Nano.TestSupport;
using Xunit.Abstractions;

namespace WasmBox.Nano.Deploy.Tests;

/// <summary>Many simulated devices on one mosquitto get one bundle; none may be lost. (The 100-device figure comes from `wbx fleet`.)</summary>
public class FleetTests(Mosquitto mosquitto, ITestOutputHelper log) : IClassFixture<Mosquitto>
{
    private static readonly TimeSpan WbxTimeout = TimeSpan.FromSeconds(120);

    [SkippableFact]
    public async Task Every_device_of_a_fleet_reports_installed_and_holds_the_function()
    {
        MqttEndpoint broker = mosquitto.Require();

        FleetReport report = await FleetTrial.RunAsync(new FleetTrialOptions
        {
            Devices = 25,
            Broker = broker,
            Bundle = TestBundles.Echo(1, 1000),
            PolicyText = TestTenants.Policy,
            Keyring = TestTenants.Keyring,
            IdPrefix = Devices.NewId("fleet") + "-",
            Timeout = TimeSpan.FromSeconds(60),
        }, log.WriteLine);

        Assert.True(report.NoneLost, report.ToString());
        Assert.Equal(25, report.Outcomes.Select(o => o.DeviceId).Distinct().Count());
    }

    [SkippableFact]
    public async Task A_fleet_started_before_its_broker_listens_comes_online_by_trying_again()
    {
        Skip.IfNot(MosquittoPeer.IsInstalled(), "mosquitto is not installed (Debian package 'mosquitto')");
        int port = LoopbackPort.Free();
        var lines = new ConcurrentQueue<string>();
        Task<FleetReport> trial = FleetTrial.RunAsync(new FleetTrialOptions
        {
            Devices = 6,
            Broker = new MqttEndpoint { Host = "127.0.0.1", Port = port },
            Bundle = TestBundles.Echo(1, 1000),
            PolicyText = TestTenants.Policy,
            Keyring = TestTenants.Keyring,
            IdPrefix = Devices.NewId("late") + "-",
            KeepAlive = TimeSpan.FromSeconds(5),
            Startup = new FleetStartup
            {
                Parallelism = 2,
                ConnectAttempts = 1000,
                RetryDelay = TimeSpan.FromMilliseconds(100),
                MaxRetryDelay = TimeSpan.FromMilliseconds(400),
                ProgressPeriod = TimeSpan.FromMilliseconds(100),
            },
        }, line =>
        {
            lines.Enqueue(line);
            log.WriteLine(line);
        });

        // Nothing listens yet: the progress lines show no device online and connects being retried.
        await WaitForAsync(() => lines.Any(l => l.StartsWith("start-up: 0/6 devices online") && !l.EndsWith("(0 connect retries)")), trial);
        FleetReport report;
        using (var late = new MosquittoOnPort(port))
            report = await trial.WaitAsync(WbxTimeout);

        Assert.True(report.NoneLost, report.ToString());
        Assert.True(report.ConnectRetries >= 2, report.ToString()); // both devices connecting first were refused at least once
    }

    [SkippableFact]
    public async Task A_device_counts_each_connection_it_lost_and_re_established()
    {
        Skip.IfNot(MosquittoPeer.IsInstalled(), "mosquitto is not installed (Debian package 'mosquitto')");
        int port = LoopbackPort.Free();
        var first = new MosquittoOnPort(port);
        await using SimulatedDevice device = await Devices.StartAsync(first.Require(), Devices.NewId("bounce"));
        Assert.Equal(0, device.ConnectionLosses);

        first.Dispose(); // the broker goes: the device loses its connection and keeps trying
        await WaitForAsync(() => !device.IsConnected);
        using var second = new MosquittoOnPort(port);
        await WaitForAsync(() => device.IsConnected);

        Assert.Equal(1, device.ConnectionLosses);
    }

    [SkippableFact]
    public void Wbx_fleet_takes_a_keep_alive_and_a_connect_parallelism()
    {
        MqttEndpoint broker = mosquitto.Require();
        Skip.If(!File.Exists(WbxProcess.DllPath), "wbx is not built");

        WbxResult result = RunFleet("--devices", "4", "--keep-alive", "0", "--connect-parallelism", "2", "--mqtt", broker.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("4 devices: 4 installed, 0 refused, 0 timed out, 4 confirmed on the device", result.Stdout);
        Assert.EndsWith("none lost", result.Stdout.TrimEnd());
    }

    [SkippableFact]
    public void Wbx_fleet_runs_the_devices_in_several_processes()
    {
        MqttEndpoint broker = mosquitto.Require();
        Skip.If(!File.Exists(WbxProcess.DllPath), "wbx is not built");

        WbxResult result = RunFleet("--devices", "5", "--processes", "2", "--mqtt", broker.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("5 devices online after", result.Stdout);
        Assert.Contains(" in 2 process(es) on 1 broker(s)", result.Stdout);
        Assert.Contains("5 devices: 5 installed, 0 refused, 0 timed out, 5 confirmed on the device", result.Stdout);
        Assert.EndsWith("none lost", result.Stdout.TrimEnd());
    }

    [SkippableFact]
    public void A_device_process_that_cannot_start_its_devices_is_one_error_line()
    {
        MqttEndpoint broker = mosquitto.Require();
        Skip.If(!File.Exists(WbxProcess.DllPath), "wbx is not built");

        WbxResult result = RunFleet("--devices", "4", "--processes", "2", "--profile", "no-such-board", "--mqtt", broker.ToString());

        Assert.Equal(1, result.ExitCode);
        string error = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("wbx: error: a device process ended before its devices were online: profile no-such-board", error);
    }

    [SkippableTheory]
    [InlineData("--processes", "0", "wbx: error: --processes must be between 1 and 64")]
    [InlineData("--keep-alive", "-1", "wbx: error: --keep-alive must be between 0 (none) and 65535 seconds")]
    [InlineData("--keep-alive", "70000", "wbx: error: --keep-alive must be between 0 (none) and 65535 seconds")]
    [InlineData("--connect-parallelism", "0", "wbx: error: --connect-parallelism must be between 1 and 1000")]
    public void Wbx_fleet_refuses_a_bad_start_up_option_in_one_line(string option, string value, string error)
    {
        Skip.If(!File.Exists(WbxProcess.DllPath), "wbx is not built");

        // No broker at this address: the option is refused before anything connects.
        WbxResult result = RunFleet("--devices", "2", option, value, "--mqtt", "127.0.0.1:1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(error, result.Stderr.Trim());
        Assert.Equal("", result.Stdout);
    }

    /// <summary>`wbx fleet` with <paramref name="args"/> and the sample bundle, policy and keys.</summary>
    private static WbxResult RunFleet(params string[] args)
    {
        string root = WbxProcess.RepoRoot();
        return WbxProcess.Run(null, WbxTimeout, ["fleet", .. args, "--bundle", Path.Combine(root, "tools/samples/out/fletcher32.wbx"),
            "--policy", Path.Combine(root, "tools/samples/policy.demo.json"), "--keyring", Path.Combine(root, "tools/samples/keys")]);
    }

    /// <summary>Waits (generously: the machine may be busy) until <paramref name="done"/> holds; fails early if <paramref name="trial"/> ended.</summary>
    private static async Task WaitForAsync(Func<bool> done, Task? trial = null)
    {
        var deadline = DateTime.UtcNow + WbxTimeout;
        while (!done())
        {
            if (trial is { IsCompleted: true })
                await trial; // throws why it ended
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true");
            await Task.Delay(50);
        }
    }
}
