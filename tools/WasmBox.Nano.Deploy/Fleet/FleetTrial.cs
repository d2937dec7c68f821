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

    /// <summary>Processes the devices run in: 1 is this one; more split them evenly over processes started by <see cref="PartProcess"/>.</summary>
    public int Processes { get; init; } = 1;

    /// <summary>How to start the process that runs devices (first, count) of the fleet and speaks <see cref="FleetPartProtocol"/>.</summary>
    public Func<int, int, ProcessStartInfo>? PartProcess { get; init; }
}

/// <summary>The figure a fleet trial measures.</summary>
public sealed record FleetReport(int Devices, int Installed, int Refused, int TimedOut, int ConfirmedOnDevice,
    TimeSpan StartUp, int ConnectRetries, int ConnectionLosses, TimeSpan AllReported, long BytesPerDevice, IReadOnlyList<DeployOutcome> Outcomes)
{
    /// <summary>Every device answered "installed"/"updated" and holds the function.</summary>
    public bool NoneLost => Installed == Devices && ConfirmedOnDevice == Devices;

    public override string ToString() =>
        Devices + " devices: " + Installed + " installed, " + Refused + " refused, " + TimedOut + " timed out, "
        + ConfirmedOnDevice + " confirmed on the device; start-up " + Millis(StartUp) + " (" + ConnectRetries + " connect retries), all reported after "
        + Millis(AllReported) + " from the start of the deploy; " + ConnectionLosses + " connections lost and re-established; "
        + (BytesPerDevice / 1024.0).ToString("0")
        + " KB of memory per simulated device (working set of the device process(es) after start-up, less before, over devices)";

    private static string Millis(TimeSpan t) => t.TotalMilliseconds.ToString("0") + " ms";
}

/// <summary>
/// Starts N simulated devices (unthreaded, no telemetry) on one broker or a cluster's nodes, in this
/// process or split over several, deploys one bundle to all of them through <see cref="DeviceClient"/>
/// exactly as `wbx deploy` does, and measures the time until every device reported; then checks on
/// each device that the function is installed.
/// </summary>
public static class FleetTrial
{
    public static async Task<FleetReport> RunAsync(FleetTrialOptions options, Action<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        log ??= _ => { };
        if (options.Processes > 1 && options.PartProcess is null)
            throw new DeployException("running devices in " + options.Processes + " processes needs a way to start them");
        var startUp = Stopwatch.StartNew();
        var parts = new List<IFleetPart>();
        try
        {
            await StartPartsAsync(options, parts, log, cancellationToken);
            startUp.Stop();
            log(options.Devices + " devices online after " + startUp.ElapsedMilliseconds + " ms in " + parts.Count + " process(es) on "
                + DeviceBrokers(options).Count + " broker(s); deploying through " + options.Broker);
            FleetReport report = await DeployAsync(options, parts, startUp.Elapsed, log, cancellationToken);
            // Stopping thousands of devices takes minutes on a cluster (each unsubscribes and says "offline"): the figures come first.
            log(report.ToString());
            log("stopping the devices");
            return report;
        }
        finally
        {
            await Task.WhenAll(parts.Select(p => p.DisposeAsync().AsTask()));
        }
    }

    /// <summary>Starts devices [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of the fleet in this process.</summary>
    public static async Task<LocalFleetPart> StartLocalPartAsync(FleetTrialOptions options, int first, int count, Action<string> log,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<MqttEndpoint> brokers = DeviceBrokers(options);
        long before = WorkingSet();
        Fleet fleet = await Fleet.StartAsync(count, i => new SimulatedDeviceOptions
        {
            DeviceId = DeviceId(options, first + i),
            Broker = brokers[(first + i) % brokers.Count],
            PolicyText = options.PolicyText,
            Keyring = options.Keyring,
            Profile = options.Profile,
            Threaded = false,
            TelemetryPeriod = TimeSpan.Zero,
            KeepAlive = options.KeepAlive,
        }, options.Startup, log, cancellationToken);
        return new LocalFleetPart(fleet, Math.Max(0, WorkingSet() - before));
    }

    /// <summary>Device <paramref name="index"/>'s id.</summary>
    public static string DeviceId(FleetTrialOptions options, int index) => options.IdPrefix + index.ToString("D5");

    /// <summary>
    /// Splits the devices into <see cref="FleetTrialOptions.Processes"/> slices as even as can be:
    /// (first device, count) each.
    /// </summary>
    public static IReadOnlyList<(int First, int Count)> Slices(int devices, int processes)
    {
        var slices = new List<(int, int)>();
        for (int p = 0, first = 0; p < processes; p++)
        {
            int count = devices / processes + (p < devices % processes ? 1 : 0);
            if (count > 0)
                slices.Add((first, count));
            first += count;
        }
        return slices;
    }

    /// <summary>Starts every part, adding each to <paramref name="parts"/> as it comes online (so a failure stops those started).</summary>
    private static async Task StartPartsAsync(FleetTrialOptions options, List<IFleetPart> parts, Action<string> log, CancellationToken cancellationToken)
    {
        if (options.Processes <= 1)
        {
            parts.Add(await StartLocalPartAsync(options, 0, options.Devices, log, cancellationToken));
            return;
        }
        await Task.WhenAll(Slices(options.Devices, options.Processes).Select(async (slice, n) =>
        {
            IFleetPart part = await ProcessFleetPart.StartAsync(options.PartProcess!(slice.First, slice.Count),
                line => log("process " + (n + 1) + ": " + line), cancellationToken);
            lock (parts)
                parts.Add(part);
        }));
    }

    private static async Task<FleetReport> DeployAsync(FleetTrialOptions options, IReadOnlyList<IFleetPart> parts, TimeSpan startUp,
        Action<string> log, CancellationToken cancellationToken)
    {
        string[] ids = Enumerable.Range(0, options.Devices).Select(i => DeviceId(options, i)).ToArray();
        await using DeviceClient client = await DeviceClient.ConnectAsync(options.Broker, cancellationToken);
        int reported = 0;
        IReadOnlyList<DeployOutcome> outcomes = await client.DeployAsync(options.Bundle, ids, options.Timeout, outcome =>
        {
            int n = Interlocked.Increment(ref reported);
            if (n % Math.Max(10, options.Devices / 20) == 0 || n == options.Devices)
                log(n + "/" + options.Devices + " reported");
        }, cancellationToken);

        // Every device got the same bundle: the first "installed" names the function to look for.
        UpdateReply? installed = outcomes.FirstOrDefault(o => o.Ok)?.Reply;
        FleetPartCheck[] checks = installed is null ? []
            : await Task.WhenAll(parts.Select(p => p.CheckAsync(installed.Tenant!, installed.Slot, installed.Sequence, cancellationToken)));
        var holding = checks.SelectMany(c => c.Holding).ToHashSet(StringComparer.Ordinal);
        return new FleetReport(
            options.Devices,
            outcomes.Count(o => o.Ok),
            outcomes.Count(o => o.Reply is { Ok: false }),
            outcomes.Count(o => o.TimedOut),
            outcomes.Count(o => o.Reply is { Ok: true } r && r.Tenant == installed!.Tenant && r.Slot == installed.Slot
                && r.Sequence == installed.Sequence && holding.Contains(o.DeviceId)),
            startUp,
            parts.Sum(p => p.ConnectRetries),
            checks.Sum(c => c.ConnectionLosses),
            outcomes.Where(o => !o.TimedOut).Select(o => o.Elapsed).DefaultIfEmpty().Max(),
            parts.Sum(p => p.BytesUsed) / options.Devices,
            outcomes);
    }

    private static IReadOnlyList<MqttEndpoint> DeviceBrokers(FleetTrialOptions options) =>
        options.DeviceBrokers.Count > 0 ? options.DeviceBrokers : [options.Broker];

    private static long WorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
