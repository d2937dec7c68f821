using System.Diagnostics;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Mqtt;

namespace WasmBox.Nano.Deploy.Fleet;

/// <summary>Many simulated devices in this process, started a bounded few at a time (see <see cref="FleetStartup"/>), stopped together.</summary>
public sealed class Fleet : IAsyncDisposable
{
    private readonly SimulatedDevice[] _devices;

    private Fleet(SimulatedDevice[] devices, int connectRetries)
    {
        _devices = devices;
        ConnectRetries = connectRetries;
    }

    public IReadOnlyList<SimulatedDevice> Devices => _devices;

    /// <summary>Connects that failed in a way that may pass and were tried again during start-up.</summary>
    public int ConnectRetries { get; }

    /// <summary>
    /// Starts <paramref name="count"/> devices from <paramref name="optionsFor"/>(index), logging
    /// progress; if one cannot start after its tries, those started are stopped and its error is thrown.
    /// </summary>
    public static async Task<Fleet> StartAsync(int count, Func<int, SimulatedDeviceOptions> optionsFor, FleetStartup startup,
        Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        if (count < 1)
            throw new DeployException("a fleet needs at least one device");
        if (startup.SettingsError() is string error)
            throw new DeployException(error);
        var devices = new SimulatedDevice?[count];
        var progress = new StartupProgress(count);
        using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task progressLines = progress.ReportAsync(startup.ProgressPeriod, log ?? (_ => { }), stopProgress.Token);
        try
        {
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = startup.Parallelism, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    devices[i] = await StartOneAsync(optionsFor(i), startup, progress, token);
                    progress.Online();
                });
        }
        catch
        {
            await Task.WhenAll(devices.Where(d => d is not null).Select(d => d!.DisposeAsync().AsTask()));
            throw;
        }
        finally
        {
            stopProgress.Cancel();
            await progressLines;
        }
        return new Fleet(devices.Select(d => d!).ToArray(), progress.Retries);
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(_devices.Select(d => d.DisposeAsync().AsTask()));

    /// <summary>Starts one device, trying again with back-off while the connection fails in a way that may pass.</summary>
    private static async Task<SimulatedDevice> StartOneAsync(SimulatedDeviceOptions options, FleetStartup startup, StartupProgress progress,
        CancellationToken cancellationToken)
    {
        var backoff = new Backoff(startup.RetryDelay, startup.MaxRetryDelay);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await SimulatedDevice.StartAsync(options, cancellationToken);
            }
            catch (Exception e) when (attempt < startup.ConnectAttempts && MayPass(e) && !cancellationToken.IsCancellationRequested)
            {
                progress.Retried();
                await Task.Delay(backoff.Next(), cancellationToken);
            }
        }
    }

    /// <summary>The connection was refused, timed out or dropped while coming online; credentials, TLS and bad settings never pass.</summary>
    private static bool MayPass(Exception e) =>
        e is MqttNotConnectedException || e is DeployException { InnerException: MqttConnectException { Transient: true } };

    /// <summary>Counts devices online and connect retries; prints a line per period while the start-up lasts.</summary>
    private sealed class StartupProgress(int total)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _online;
        private int _retries;

        public int Retries => Volatile.Read(ref _retries);

        public void Online() => Interlocked.Increment(ref _online);

        public void Retried() => Interlocked.Increment(ref _retries);

        public async Task ReportAsync(TimeSpan period, Action<string> log, CancellationToken stop)
        {
            using var timer = new PeriodicTimer(period);
            try
            {
                while (await timer.WaitForNextTickAsync(stop))
                {
                    log("start-up: " + Volatile.Read(ref _online) + "/" + total + " devices online after "
                        + _clock.Elapsed.TotalSeconds.ToString("0") + " s (" + Retries + " connect retries)");
                }
            }
            catch (OperationCanceledException)
            {
                // The start-up is over.
            }
        }
    }
}
