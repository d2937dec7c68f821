using System.CommandLine;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Deploy.Client;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx watch --mqtt URL [--device ID] [--count N] [--seconds S]</c>: prints every telemetry,
/// event and state message of one device (or all) as "time device channel json" lines until
/// Ctrl+C, N messages or S seconds.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var mqtt = new BrokerOptions(required: true);
        var device = new Option<string>("--device") { Description = "Device id; all devices when left out", DefaultValueFactory = _ => "+" };
        var count = new Option<int>("--count") { Description = "Stop after this many messages (0: no limit)" };
        var seconds = new Option<double>("--seconds") { Description = "Stop after this many seconds (0: no limit)" };
        var command = new Command("watch", "Watch devices' live telemetry, events, state and tenants' printed lines") { device, count, seconds };
        mqtt.AddTo(command);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            int limit = parse.GetValue(count);
            double duration = parse.GetValue(seconds);
            if (limit < 0 || duration < 0)
                throw new CliError("--count and --seconds must not be negative");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (duration > 0)
                stop.CancelAfter(RemoteCommand.Seconds(duration, "--seconds"));
            await using DeviceClient client = await DeviceClient.ConnectAsync(mqtt.Endpoint(parse), cancellationToken);
            int seen = 0;
            var output = new object();
            await client.WatchAsync(parse.GetRequiredValue(device), message =>
            {
                lock (output)
                {
                    if (stop.IsCancellationRequested)
                        return;
                    Console.WriteLine(DateTime.Now.ToString("HH:mm:ss.fff") + " " + message.DeviceId + " " + message.Channel
                        + (message.Retained ? " (retained) " : " ") + message.Text);
                    if (limit > 0 && ++seen >= limit)
                        stop.Cancel();
                }
            }, stop.Token);
            return 0;
        }));
        return command;
    }
}
