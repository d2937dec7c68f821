using System.Text.Json;
using System.Text.Json.Nodes;
using System.CommandLine;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Deploy.Client;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx watch --mqtt URL [--device ID] [--count N] [--seconds S]</c>: prints every telemetry,
/// event and state message of one device (or all) as "time device channel json" lines until
/// Ctrl+C, N messages or S seconds; with --json one object per message, the device's JSON payload
/// as it is (text that is not JSON as a string).
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var mqtt = new BrokerOptions(required: true);
        var device = new Option<string>("--device") { Description = "Device id; all devices when left out", DefaultValueFactory = _ => "+" };
        var count = new Option<int>("--count") { Description = "Stop after this many messages (0: no limit)" };
        var seconds = new Option<double>("--seconds") { Description = "Stop after this many seconds (0: no limit)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON line per message: {time, device, channel, retained, message}" };
        var command = new Command("watch", "Watch devices' live telemetry, events, state and tenants' printed lines") { device, count, seconds, json };
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
            bool asJson = parse.GetValue(json);
            int seen = 0;
            var output = new object();
            await client.WatchAsync(parse.GetRequiredValue(device), message =>
            {
                lock (output)
                {
                    if (stop.IsCancellationRequested)
                        return;
                    if (asJson)
                        JsonLine.Print(new { time = DateTimeOffset.Now, device = message.DeviceId, message.Channel, message.Retained, message = Payload(message) });
                    else
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

    /// <summary>The payload as JSON when it is JSON (every channel but a foreign publish), else as text.</summary>
    private static JsonNode? Payload(DeviceMessage message)
    {
        try
        {
            return JsonNode.Parse(message.Payload);
        }
        catch (JsonException)
        {
            return JsonValue.Create(message.Text);
        }
    }
}
