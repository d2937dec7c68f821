using System.Diagnostics;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Mqtt;

namespace WasmBox.Nano.Deploy.Fleet;

/// <summary>What a fleet trial starts and deploys.</summary>
public sealed record FleetTrialOptions
{
    public required int Devices { get; init; }

    /// <summary>Where the deploying client (what `wbx deploy` runs) connects.</summary>
    public required MqttEndpoint Broker { get; init; }

    /// <summary>Where the devices connect, in turn (device i on broker i mod n): the nodes of a cluster. Empty: <see cref="Broker"/>.</summary>
    public IReadOnlyList<MqttEndpoint> DeviceBrokers { get; init; } = [];

    public required byte[] Bundle { get; init; }

    public required string PolicyText { get; init; }

    public required ITenantKeyring Keyring { get; init; }

    public string Profile { get; init; } = "esp32-devkitc";

    /// <summary>Device ids are this prefix and a number.</summary>
    public string IdPrefix { get; init; } = "fleet-";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The devices' MQTT keep-alive; zero turns it off. A broker closes a connection silent for 1.5 times it.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How the devices come online: connects at once, retries, progress lines.</summary>
    public FleetStartup Startup { get; init; } = new();
}

/// <summary>The figure a fleet trial measures.</summary>
public sealed record FleetReport(int Devices, int Installed, int Refused, int TimedOut, int ConfirmedOnDevice,
    TimeSpan StartUp, int ConnectRetries, TimeSpan AllReported, long BytesPerDevice, IReadOnlyList<DeployOutcome> Outcomes)
{
    /// <summary>Every device answered "installed"/"updated" and holds the function.</summary>
    public bool NoneLost => Installed == Devices && ConfirmedOnDevice == Devices;

    public override string ToString() =>
        Devices + " devices: " + Installed + " installed, " + Refused + " refused, " + TimedOut + " timed out, "
        + ConfirmedOnDevice + " confirmed on the device; start-up " + Millis(StartUp) + " (" + ConnectRetries + " connect retries), all reported after "
        + Millis(AllReported) + " from the start of the deploy; " + (BytesPerDevice / 1024.0).ToString("0")
        + " KB of memory per simulated device (process working set after start-up, less before, over devices)";

    private static string Millis(TimeSpan t) => t.TotalMilliseconds.ToString("0") + " ms";
}

/// <summary>
/// Starts N simulated devices (unthreaded, no telemetry) on one broker, deploys one bundle to
/// all of them through <see cref="DeviceClient"/> exactly as `wbx deploy` does, and measures the
/// time until every device reported; then checks on each device that the function is installed.
/// </summary>
public static class FleetTrial
{
    public static async Task<FleetReport> RunAsync(FleetTrialOptions options, Action<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        log ??= _ => { };
        IReadOnlyList<MqttEndpoint> deviceBrokers = options.DeviceBrokers.Count > 0 ? options.DeviceBrokers : [options.Broker];
        long before = WorkingSet();
        var startUp = Stopwatch.StartNew();
        await using Fleet fleet = await Fleet.StartAsync(options.Devices, i => new SimulatedDeviceOptions
        {
            DeviceId = options.IdPrefix + i.ToString("D5"),
            Broker = deviceBrokers[i % deviceBrokers.Count],
            PolicyText = options.PolicyText,
            Keyring = options.Keyring,
            Profile = options.Profile,
            Threaded = false,
            TelemetryPeriod = TimeSpan.Zero,
            KeepAlive = options.KeepAlive,
        }, options.Startup, log, cancellationToken);
        startUp.Stop();
        long perDevice = Math.Max(0, WorkingSet() - before) / options.Devices;
        log(options.Devices + " devices online after " + startUp.ElapsedMilliseconds + " ms on " + deviceBrokers.Count
            + " broker(s); deploying through " + options.Broker);

        await using DeviceClient client = await DeviceClient.ConnectAsync(options.Broker, cancellationToken);
        int reported = 0;
        IReadOnlyList<DeployOutcome> outcomes = await client.DeployAsync(options.Bundle, fleet.DeviceIds, options.Timeout, outcome =>
        {
            int n = Interlocked.Increment(ref reported);
            if (n % Math.Max(10, options.Devices / 20) == 0 || n == options.Devices)
                log(n + "/" + options.Devices + " reported");
        }, cancellationToken);

        var outcomeOf = outcomes.ToDictionary(o => o.DeviceId, StringComparer.Ordinal);
        int confirmed = fleet.Devices.Count(d => HoldsBundle(d, outcomeOf[d.DeviceId]));
        return new FleetReport(
            options.Devices,
            outcomes.Count(o => o.Ok),
            outcomes.Count(o => o.Reply is { Ok: false }),
            outcomes.Count(o => o.TimedOut),
            confirmed,
            startUp.Elapsed,
            fleet.ConnectRetries,
            outcomes.Where(o => !o.TimedOut).Select(o => o.Elapsed).DefaultIfEmpty().Max(),
            perDevice,
            outcomes);
    }

    private static long WorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    /// <summary>The device's update manager holds the function its reply named.</summary>
    private static bool HoldsBundle(SimulatedDevice device, DeployOutcome outcome) =>
        outcome.Reply is { Ok: true } reply
        && device.Updates.Installed.Any(f => f.Tenant == reply.Tenant && f.Slot == reply.Slot && f.Sequence == reply.Sequence);
}
