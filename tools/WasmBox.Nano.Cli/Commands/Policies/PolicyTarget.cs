using System.CommandLine;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Cli.Project;
using WasmBox.Nano.Deploy;
using WasmBox.Nano.Deploy.Client;

namespace WasmBox.Nano.Cli.Commands.Policies;

/// <summary>
/// Where `wbx policy deploy/list/remove` reach a board: --device over MQTT (--mqtt or the configured
/// broker; the device from $WBX_DEVICE, wbx.json or ~/.config/wbx when not given), or --coap HOST[:PORT].
/// </summary>
internal sealed class PolicyTarget
{
    private readonly BrokerOptions _mqtt = new(required: false);
    private readonly Option<string?> _device = new("--device")
    {
        Description = "Device id (over MQTT); default $" + WbxConfig.DeviceVariable + ", wbx.json, ~/.config/wbx/config.json",
    };
    private readonly Option<string?> _coap = new("--coap") { Description = "Talk CoAP to the board at HOST[:PORT] (5683) instead of MQTT" };
    private readonly Option<double> _timeout = RemoteCommand.TimeoutOption(10);

    public void AddTo(Command command)
    {
        command.Options.Add(_device);
        command.Options.Add(_coap);
        command.Options.Add(_timeout);
        _mqtt.AddTo(command);
    }

    /// <summary>Sends the signed policy or removal and returns the board's answer (null: no answer in time) and its name.</summary>
    public async Task<(string Board, PolicyReply? Reply)> SendAsync(ParseResult parse, byte[] signed, CancellationToken cancellationToken)
    {
        if (parse.GetValue(_coap) is string coap)
        {
            using var client = new CoapDeviceClient(RemoteCommand.Broker(coap, BrokerAddress.CoapPort));
            return (coap, client.DeployPolicy(signed));
        }
        string id = DeviceId(parse);
        await using DeviceClient mqtt = await DeviceClient.ConnectAsync(_mqtt.Endpoint(parse), cancellationToken);
        return (id, await mqtt.DeployPolicyAsync(id, signed, Timeout(parse), cancellationToken));
    }

    /// <summary>The board's installed policies; a <see cref="CliError"/> when the board never published a list.</summary>
    public async Task<(string Board, PolicyList List)> ListAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (parse.GetValue(_coap) is string coap)
        {
            using var client = new CoapDeviceClient(RemoteCommand.Broker(coap, BrokerAddress.CoapPort));
            return (coap, client.Policies());
        }
        string id = DeviceId(parse);
        await using DeviceClient mqtt = await DeviceClient.ConnectAsync(_mqtt.Endpoint(parse), cancellationToken);
        PolicyList list = await mqtt.GetPoliciesAsync(id, Timeout(parse), cancellationToken)
            ?? throw new CliError(id + " has published no policy list on this broker: check --device and --mqtt (the board publishes it when it comes online)");
        return (id, list);
    }

    private string DeviceId(ParseResult parse) => parse.GetValue(_device) ?? WbxConfig.Resolve(null).Device
        ?? throw new CliError("no board: give --device ID (with --mqtt) or --coap HOST, or set $" + WbxConfig.DeviceVariable);

    private TimeSpan Timeout(ParseResult parse) => RemoteCommand.Seconds(parse.GetValue(_timeout), "--timeout");
}
