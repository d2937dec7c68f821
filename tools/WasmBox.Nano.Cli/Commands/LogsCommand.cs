using System.CommandLine;
using WasmBox.Nano.Cli.Following;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Cli.Project;
using WasmBox.Nano.Deploy.Client;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx logs [--device ID] [--tenant T] [--lines N] [--follow-for S] [--json] [--mqtt URL ...]</c>: prints the
/// lines tenants' functions print or log on a device (its <c>log</c> topic) as they arrive, until
/// Ctrl+C, N lines or S seconds. The board sends them live and keeps none, so there is no history.
/// </summary>
internal static class LogsCommand
{
    public static Command Create()
    {
        var mqtt = new BrokerOptions(required: false);
        var device = new Option<string?>("--device") { Description = "Device id ('+' for every device); default $" + WbxConfig.DeviceVariable + ", wbx.json, ~/.config/wbx" };
        var tenant = new Option<string?>("--tenant") { Description = "Only this tenant's lines" };
        var json = new Option<bool>("--json") { Description = "Print JSON lines {kind:\"log\", device, tenant, container, t, line, cut, dropped}" };
        var limits = new LogFollower.Options();
        var command = new Command("logs", "Follow the lines tenants' functions print on a device, until Ctrl+C") { device, tenant, json };
        limits.AddTo(command);
        mqtt.AddTo(command);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            WbxConfig defaults = WbxConfig.Resolve(FunctionProject.Find("."));
            string id = parse.GetValue(device) ?? defaults.Device
                ?? throw new CliError("no device: give --device ID ('+' for all), or set $" + WbxConfig.DeviceVariable);
            var (lines, seconds) = limits.Read(parse);
            await using DeviceClient client = await DeviceClient.ConnectAsync(mqtt.Endpoint(parse, defaults), cancellationToken);
            await using LogFollower follower = await LogFollower.StartAsync(client, id, parse.GetValue(tenant), lines, parse.GetValue(json),
                open: true, cancellationToken);
            await follower.WaitAsync(seconds);
            return 0;
        }));
        return command;
    }
}
