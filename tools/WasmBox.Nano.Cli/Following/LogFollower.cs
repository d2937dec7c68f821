using System.CommandLine;
using System.Text.Json;
using WasmBox.Nano.Cli.Commands;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Deploy.Client;

namespace WasmBox.Nano.Cli.Following;

/// <summary>
/// Prints the lines tenants' functions print on a device (its log topic) until Ctrl+C, or, for
/// scripts and tests, until <c>--lines N</c> arrived or <c>--follow-for S</c> seconds passed.
/// Subscribed before the caller deploys, so the function's first line is never missed.
/// </summary>
internal sealed class LogFollower : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly int _limit;
    private readonly bool _json;
    private readonly Lock _output = new();
    private IAsyncDisposable? _subscription;
    private int _seen;
    private bool _open;

    private LogFollower(CancellationToken cancellationToken, int limit, bool json, bool open)
    {
        _open = open;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _limit = limit;
        _json = json;
    }

    /// <summary>The options that bound following: --lines and --follow-for.</summary>
    public sealed class Options
    {
        public readonly Option<int> Lines = new("--lines") { Description = "Stop following after this many lines (0: until Ctrl+C)" };
        public readonly Option<double> Seconds = new("--follow-for") { Description = "Stop following after this many seconds (0: until Ctrl+C)", HelpName = "SECONDS" };

        public void AddTo(Command command)
        {
            command.Options.Add(Lines);
            command.Options.Add(Seconds);
        }

        public (int Lines, double Seconds) Read(ParseResult parse)
        {
            int lines = parse.GetValue(Lines);
            double seconds = parse.GetValue(Seconds);
            if (lines < 0 || seconds < 0)
                throw new CliError("--lines and --follow-for must not be negative");
            if (seconds > 0)
                RemoteCommand.Seconds(seconds, "--follow-for");
            return (lines, seconds);
        }
    }

    public int Seen => Volatile.Read(ref _seen);

    /// <summary>
    /// Subscribes to the device's log topic. With <paramref name="open"/> false lines are dropped
    /// until <see cref="Open"/>: a deploy opens it on its result, so the replaced version's last lines are not shown.
    /// </summary>
    public static async Task<LogFollower> StartAsync(DeviceClient client, string deviceId, string? tenant, int lines, bool json,
        bool open, CancellationToken cancellationToken)
    {
        var follower = new LogFollower(cancellationToken, lines, json, open);
        follower._subscription = await client.SubscribeLogsAsync(deviceId, tenant, follower.Print, cancellationToken);
        return follower;
    }

    public void Open()
    {
        lock (_output)
            _open = true;
    }

    /// <summary>Returns after the line limit, the duration (0: none) or Ctrl+C, whichever comes first.</summary>
    public async Task WaitAsync(double seconds)
    {
        if (seconds > 0)
            _stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            await Task.Delay(Timeout.Infinite, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The limit, the duration or Ctrl+C: following ends quietly.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_subscription is not null)
            await _subscription.DisposeAsync();
        _stop.Dispose();
    }

    private void Print(TenantLogMessage line)
    {
        lock (_output)
        {
            if (!_open || _stop.IsCancellationRequested)
                return;
            Console.WriteLine(_json
                ? JsonSerializer.Serialize(new { kind = "log", device = line.Device, tenant = line.Tenant, container = line.Container, t = line.T,
                    line = line.Line, cut = line.Cut, dropped = line.Dropped })
                : line.Device + " " + line);
            if (_limit > 0 && Interlocked.Increment(ref _seen) >= _limit)
                _stop.Cancel();
        }
    }
}
