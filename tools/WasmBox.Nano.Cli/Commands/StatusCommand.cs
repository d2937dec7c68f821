using System.CommandLine;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Cli.Project;
using WasmBox.Nano.Deploy;
using WasmBox.Nano.Deploy.Client;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx status --mqtt URL --device ID [--json]</c> (the retained state) or <c>wbx status --coap HOST[:PORT]</c>:
/// online or offline, runtime version and every installed function with its state and, when not
/// running, the reason (a quarantine's rule). Exit 1 when the device is offline or unknown.
/// </summary>
internal static class StatusCommand
{

    public static Command Create()
    {
        var mqtt = new BrokerOptions(required: false);
        var device = new Option<string?>("--device") { Description = "Device id; default $" + WbxConfig.DeviceVariable + ", wbx.json, ~/.config/wbx" };
        var json = new Option<bool>("--json") { Description = "Print the state as JSON: {device, online, runtime, uptimeMs, functions: [{tenant, slot, sequence, name, state, reason, digest}]} or {device, known: false}" };
        var coap = new Option<string?>("--coap") { Description = "Ask the device over CoAP at HOST[:PORT] instead" };
        var timeout = RemoteCommand.TimeoutOption(3);
        var command = new Command("status", "Show a device's state: online or offline and its installed functions") { device, coap, timeout, json };
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
                WbxConfig defaults = WbxConfig.Resolve(FunctionProject.Find("."));
                if (!mqtt.Given(parse, defaults))
                    throw new CliError("give --mqtt with --device (or set $" + WbxConfig.MqttVariable + "), or --coap");
                id = parse.GetValue(device) ?? defaults.Device ?? throw new CliError("no device: give --device ID, or set $" + WbxConfig.DeviceVariable);
                await using DeviceClient client = await DeviceClient.ConnectAsync(mqtt.Endpoint(parse, defaults), cancellationToken);
                state = await client.GetStateAsync(id, RemoteCommand.Seconds(parse.GetValue(timeout), "--timeout"), cancellationToken);
            }
            if (parse.GetValue(json))
            {
                JsonLine.Print(state is null ? new { device = id, known = false } : state);
                return state?.Online == true ? 0 : CommandGuard.Failure;
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
                    + (f.Reason is null ? "" : " (" + f.Reason + ")") + "  sha256 " + f.Digest);
            }
            if (state.Online && (state.Functions?.Length ?? 0) == 0)
                Console.WriteLine("  (no functions installed)");
            return state.Online ? 0 : CommandGuard.Failure;
        }));
        return command;
    }
}
