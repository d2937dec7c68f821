using System.CommandLine;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Deploy;
using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Protocol;
using WasmBox.Nano.Protocol.Policies;
using WasmBox.Nano.Signing.Keyrings;
using WasmBox.Nano.Signing.Keys;
using WasmBox.Nano.Update;
using WasmBox.Nano.Update.Policies;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx device --mqtt URL --id ID --policy FILE --keyring DIR [--coap PORT] [--profile NAME]
/// [--storage DIR] [--device-key FILE] [--telemetry S]</c>: runs a simulated device (board, runtime,
/// update manager, MQTT and CoAP agents) until Ctrl+C or SIGTERM, printing every update it handles.
/// What `wbx deploy` and the other remote commands talk to.
/// </summary>
internal static class DeviceCommand
{
    public static Command Create()
    {
        var mqtt = new BrokerOptions(required: true);
        var id = new Option<string>("--id") { Description = "Device id: 1-64 of a-z, A-Z, 0-9, '-', '_', '.'", Required = true };
        var policy = new Option<string>("--policy") { Description = "The owner's provisioning document (JSON): tenants and grants", Required = true };
        var keyring = new Option<string>("--keyring") { Description = "Directory of TENANT.pub.pem keys the device trusts", Required = true };
        var coap = new Option<int?>("--coap") { Description = "Also serve CoAP on 127.0.0.1:PORT (0 picks a free port)" };
        var profile = new Option<string>("--profile") { Description = "Hardware profile id or file", DefaultValueFactory = _ => "esp32-devkitc" };
        var storage = new Option<string?>("--storage") { Description = "The board's drive (a directory); keep it to survive restarts. Default: temporary" };
        var deviceKey = new Option<string?>("--device-key") { Description = "Attestation key file (hex, e.g. `openssl rand -hex 32`)" };
        var ownerKey = new Option<string?>("--owner-key")
        {
            Description = "The board owner's public key (owner.pub.pem): hostcall policies signed with it install (`wbx policy deploy`); without it every policy is refused",
        };
        var telemetry = new Option<double>("--telemetry") { Description = "Seconds between telemetry messages (0: none)", DefaultValueFactory = _ => 5 };
        var command = new Command("device", "Run a simulated device on an MQTT broker until Ctrl+C (what `wbx deploy` deploys to)")
        {
            id, policy, keyring, coap, profile, storage, deviceKey, ownerKey, telemetry,
        };
        mqtt.AddTo(command);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            string policyPath = parse.GetRequiredValue(policy);
            double telemetrySeconds = parse.GetValue(telemetry);
            if (telemetrySeconds < 0)
                throw new CliError("--telemetry must not be negative");
            string? keyPath = parse.GetValue(deviceKey);
            string? ownerPath = RemoteCommand.ExistingFile(parse.GetValue(ownerKey), "--owner-key");
            var options = new SimulatedDeviceOptions
            {
                DeviceId = parse.GetRequiredValue(id),
                Broker = mqtt.Endpoint(parse),
                PolicyText = RemoteCommand.ReadText(policyPath),
                PolicySource = policyPath,
                Keyring = new DirectoryKeyring(parse.GetRequiredValue(keyring)),
                Profile = parse.GetRequiredValue(profile),
                StorageDirectory = parse.GetValue(storage),
                CoapPort = parse.GetValue(coap),
                DeviceKey = keyPath is null ? null : DeviceKeyFile.Load(keyPath),
                OwnerKey = ownerPath is null ? null : TenantKeys.LoadPublicKey(ownerPath),
                TelemetryPeriod = TimeSpan.FromSeconds(telemetrySeconds),
                Log = line => Console.Error.WriteLine("device: " + line),
            };
            // SIGTERM is a clean shutdown like Ctrl+C (dispose says "offline"); only SIGKILL is a power loss (the Last Will).
            using var stop = new StopSignal(cancellationToken);
            await using SimulatedDevice device = await SimulatedDevice.StartAsync(options, stop.Token);
            device.Service.AddListener(new ConsolePrinter());
            device.Service.Policies?.AddListener(new ConsolePrinter());
            // The board's serial console: tenants' printed lines ("tenant/container") and the board's own.
            device.Board.Log.LineWritten += line => Console.WriteLine("log " + line.Source + ": " + line.Text);
            Console.WriteLine("device " + device.DeviceId + " online on mqtt " + options.Broker
                + (device.CoapEndPoint is { } coapEndPoint ? ", coap " + coapEndPoint : "")
                + "; " + device.Updates.Installed.Length + " function(s) installed; Ctrl+C stops");
            await stop.WaitAsync();
            Console.WriteLine("device " + device.DeviceId + " offline");
            return 0;
        }));
        return command;
    }

    /// <summary>One line per update and policy change the device handles, from any transport.</summary>
    private sealed class ConsolePrinter : IUpdateListener, IPolicyListener
    {
        public void OnPolicy(PolicyResult r) => Console.WriteLine("policy: " + (r.Ok ? "" : "refused (") + r + (r.Ok ? "" : ")"));

        public void OnUpdate(UpdateOperation operation, UpdateResult r) =>
            Console.WriteLine(ProtocolNames.Of(operation) + ": " + (r.Ok
                ? ProtocolNames.Of(r.Status) + " " + r.Tenant + "/" + r.Slot + " sequence " + r.Sequence
                : "refused (" + UpdateRefusalText.Name(r.Refusal) + "): " + r.Reason));
    }
}
