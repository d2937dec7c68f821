using System.CommandLine;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Deploy;
using WasmBox.Nano.Deploy.Client;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx deploy BUNDLE --mqtt URL [--ca F] [--cert F --cert-key F] [--user U --password P] --device ID [--device ID2 ...] [--timeout S]</c> or
/// <c>wbx deploy BUNDLE --coap HOST[:PORT]</c>: sends a signed bundle and prints each device's
/// result as it arrives ([k/n] progress for several devices). Exit 1 when any device refused
/// or did not answer in time.
/// </summary>
internal static class DeployCommand
{
    public static Command Create()
    {
        var bundle = new Argument<string>("bundle") { Description = "Signed bundle (.wbx)" };
        var mqtt = new BrokerOptions(required: false);
        var devices = new Option<string[]>("--device") { Description = "Device id (repeat for a fleet); with --mqtt", AllowMultipleArgumentsPerToken = false };
        var coap = new Option<string?>("--coap") { Description = "Deploy over CoAP to HOST[:PORT] (port 5683 when left out) instead of MQTT" };
        var timeout = RemoteCommand.TimeoutOption(30);
        var command = new Command("deploy", "Deploy a signed bundle to devices over MQTT or CoAP and wait for each result")
        {
            bundle, devices, coap, timeout,
        };
        mqtt.AddTo(command);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            byte[] bytes = RemoteCommand.ReadBytes(parse.GetRequiredValue(bundle));
            string[] ids = parse.GetValue(devices) ?? [];
            string? coapTarget = parse.GetValue(coap);
            if ((coapTarget is null) != mqtt.Given(parse))
                throw new CliError("give either --mqtt with --device, or --coap");
            if (coapTarget is not null)
                return ViaCoap(RemoteCommand.Broker(coapTarget, BrokerAddress.CoapPort), bytes);
            if (ids.Length == 0)
                throw new CliError("--mqtt needs at least one --device");
            if (ids.Distinct().Count() != ids.Length)
                throw new CliError("a --device is given twice");
            await using DeviceClient client = await DeviceClient.ConnectAsync(mqtt.Endpoint(parse), cancellationToken);
            int done = 0;
            var outcomes = await client.DeployAsync(bytes, ids, RemoteCommand.Seconds(parse.GetValue(timeout), "--timeout"), outcome =>
            {
                int n = Interlocked.Increment(ref done);
                Console.WriteLine((ids.Length > 1 ? "[" + n + "/" + ids.Length + "] " : "") + outcome
                    + " (" + outcome.Elapsed.TotalMilliseconds.ToString("0") + " ms)");
            }, cancellationToken);
            int failed = outcomes.Count(o => !o.Ok);
            if (ids.Length > 1)
            {
                Console.WriteLine(outcomes.Count(o => o.Ok) + " installed, " + outcomes.Count(o => o.Reply is { Ok: false })
                    + " refused, " + outcomes.Count(o => o.TimedOut) + " timed out");
            }
            return failed == 0 ? 0 : CommandGuard.Failure;
        }));
        return command;
    }

    private static int ViaCoap(BrokerAddress device, byte[] bundle)
    {
        using var client = new CoapDeviceClient(device);
        UpdateReply reply = client.Deploy(bundle);
        Console.WriteLine(device + ": " + reply);
        return reply.Ok ? 0 : CommandGuard.Failure;
    }
}
