using System.CommandLine;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Deploy;
using WasmBox.Nano.Deploy.Client;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx status --mqtt URL --device ID</c> (the retained state) or <c>wbx status --coap HOST[:PORT]</c>:
/// online or offline, runtime version and every installed function. Exit 1 when the device is offline or unknown.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var mqtt = new BrokerOptions(required: false);
        var device = new Option<string?>("--device") { Description = "Device id; with --mqtt" };
        var coap = new Option<string?>("--coap") { Description = "Ask the device over CoAP at HOST[:PORT] instead" };
        var timeout = RemoteCommand.TimeoutOption(3);
        var command = new Command("status", "Show a device's state: online or offline and its installed functions") { device, coap, timeout };
        mqtt.AddTo(command);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            string? coapTarget = parse.GetValue(coap);
            DeviceState? state;
            string id;
            if (coapTarget is not null)
            {
                using var client = new CoapDeviceClient(RemoteCommand.Broker(coapTarget, BrokerAddress.CoapPort));
                state = client.State();
                id = state.Device;
            }
            else
            {
                if (!mqtt.Given(parse))
                    throw new CliError("give --mqtt with --device, or --coap");
                id = parse.GetValue(device) ?? throw new CliError("--mqtt needs --device");
                await using DeviceClient client = await DeviceClient.ConnectAsync(mqtt.Endpoint(parse), cancellationToken);
                state = await client.GetStateAsync(id, RemoteCommand.Seconds(parse.GetValue(timeout), "--timeout"), cancellationToken);
            }
            if (state is null)
            {
                Console.WriteLine(id + ": unknown (no retained state: the device never connected to this broker,"
                    + " or it is on another node of a RabbitMQ cluster, whose retained messages stay on their node: ask that node)");
                return CommandGuard.Failure;
            }
            Console.WriteLine(state.Device + ": " + (state.Online ? "online" : "offline")
                + (state.Runtime is null ? "" : ", " + state.Runtime)
                + (state.UptimeMs is long up ? ", up " + (up / 1000.0).ToString("0.0") + " s" : ""));
            foreach (FunctionState f in state.Functions ?? [])
            {
                Console.WriteLine("  " + f.Tenant + "/" + f.Slot + "  " + f.Name + "  sequence " + f.Sequence + "  " + f.State
                    + "  sha256 " + f.Digest);
            }
            if (state.Online && (state.Functions?.Length ?? 0) == 0)
                Console.WriteLine("  (no functions installed)");
            return state.Online ? 0 : CommandGuard.Failure;
        }));
        return command;
    }
}
