using System.CommandLine;
using WasmBox.Nano.Cli.Deploying;
using WasmBox.Nano.Cli.Following;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Cli.Project;
using WasmBox.Nano.Deploy;
using WasmBox.Nano.Deploy.Client;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx deploy INPUT [--device ID ...] [--mqtt URL ...] [--key K] [--sequence N] [--timeout S]
/// [--follow|--no-follow] [--lines N] [--follow-for S] [--json]</c> or <c>wbx deploy BUNDLE --coap HOST[:PORT]</c>.
/// INPUT, told by content: a signed bundle is sent as it is; C source, an ELF object, an image or a
/// project folder is built with its wbx.json, signed with the next sequence number (above the
/// device's and this user's ledger) and, once installed, its printed lines are followed until
/// Ctrl+C. A device the broker reports offline fails at once. Exit 1 when any device refused or
/// did not answer in time.
/// </summary>
internal static class DeployCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("INPUT") { Description = "Signed bundle, C source, ELF object, image or project folder (recognised by content)" };
        var mqtt = new BrokerOptions(required: false);
        var devices = new Option<string[]>("--device")
        {
            Description = "Device id (repeat for a fleet); default $" + WbxConfig.DeviceVariable + ", wbx.json, ~/.config/wbx/config.json",
            AllowMultipleArgumentsPerToken = false,
        };
        var coap = new Option<string?>("--coap") { Description = "Deploy a bundle over CoAP to HOST[:PORT] (port 5683 when left out) instead of MQTT" };
        var key = new Option<string?>("--key") { Description = "The tenant's private key for a built function; default $" + WbxConfig.KeyVariable + ", wbx.json \"key\", ~/.config/wbx" };
        var sequence = new Option<long?>("--sequence") { Description = "Sequence number for a built function; default: above the device's and the local ledger's" };
        var follow = new Option<bool?>("--follow") { Description = "Follow the tenant's printed lines after installing (default: on for a built function, off for a bundle); --follow false turns it off" };
        var json = new Option<bool>("--json") { Description = "Print JSON lines: {kind:\"deploy\", device, ok, status, refusal, reason, tenant, slot, sequence, elapsedMs}, then {kind:\"log\", ...}" };
        var timeout = RemoteCommand.TimeoutOption(30);
        var limits = new LogFollower.Options();
        var command = new Command("deploy", "Build, sign and deploy a function (or send a bundle) to devices, then follow its output")
        {
            input, devices, coap, key, sequence, follow, json, timeout,
        };
        limits.AddTo(command);
        mqtt.AddTo(command);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            DeploySource source = DeploySource.Open(parse.GetRequiredValue(input));
            string? coapTarget = parse.GetValue(coap);
            if (coapTarget is not null)
            {
                return source.Bundle is not null
                    ? ViaCoap(RemoteCommand.Broker(coapTarget, BrokerAddress.CoapPort), source.Bundle)
                    : throw new CliError("--coap sends a signed bundle: `wbx pack` it first, or deploy over --mqtt");
            }
            WbxConfig defaults = WbxConfig.Resolve(source.Project);
            string[] ids = parse.GetValue(devices) is { Length: > 0 } given ? given
                : defaults.Device is string one ? [one]
                : throw new CliError("no device: give --device ID, or set $" + WbxConfig.DeviceVariable + " or \"device\" in wbx.json");
            if (ids.Distinct().Count() != ids.Length)
                throw new CliError("a --device is given twice");
            var (lines, seconds) = limits.Read(parse);
            bool asJson = parse.GetValue(json);
            await using DeviceClient client = await DeviceClient.ConnectAsync(mqtt.Endpoint(parse, defaults), cancellationToken);
            DeviceState? state = ids.Length == 1 ? await KnownStateAsync(client, ids[0], cancellationToken) : null;
            byte[] bundle = source.Bundle ?? SignNext(source, state, parse.GetValue(sequence), parse.GetValue(key) ?? defaults.Key);
            bool following = (parse.GetValue(follow) ?? source.Bundle is null) && ids.Length == 1;
            await using LogFollower? follower = following
                ? await LogFollower.StartAsync(client, ids[0], source.Project?.Tenant, lines, asJson, open: false, cancellationToken)
                : null;
            var outcomes = await DeployAsync(client, bundle, ids, parse, timeout, asJson, cancellationToken);
            if (outcomes.Any(o => !o.Ok))
                return CommandGuard.Failure;
            RecordSequence(source, outcomes[0]);
            if (follower is not null)
            {
                follower.Open();
                if (!asJson)
                    Console.WriteLine("following " + source.Project!.Tenant + "'s output on " + ids[0] + " (Ctrl+C stops)");
                await follower.WaitAsync(seconds);
            }
            return 0;
        }));
        return command;
    }

    /// <summary>The device's retained state; an offline device fails at once with what the broker says.</summary>
    private static async Task<DeviceState?> KnownStateAsync(DeviceClient client, string id, CancellationToken cancellationToken)
    {
        DeviceState? state = await client.GetStateAsync(id, TimeSpan.FromSeconds(1), cancellationToken);
        return state is { Online: false }
            ? throw new CliError(id + " is offline (its retained state on this broker says so): start the device or check its connection, then deploy again")
            : state;
    }

    private static byte[] SignNext(DeploySource source, DeviceState? state, long? sequence, string? keyPath)
    {
        FunctionProject project = source.Project!;
        if (keyPath is null)
            throw new CliError("no key to sign " + project.Tenant + "'s function: give --key, set $" + WbxConfig.KeyVariable
                + " or \"key\" in wbx.json (`wbx new NAME --key` makes one)");
        long next = sequence ?? SequenceLedger.Open().Next(project.Tenant, project.Slot, state?.Find(project.Tenant, project.Slot)?.Sequence ?? 0);
        return next >= 1 ? source.Sign(next, keyPath) : throw new CliError("--sequence must be 1 or more");
    }

    private static void RecordSequence(DeploySource source, DeployOutcome outcome)
    {
        if (source.Project is not null && outcome.Reply is { Tenant: string tenant } reply)
            SequenceLedger.Open().Record(tenant, reply.Slot, reply.Sequence);
    }

    private static async Task<IReadOnlyList<DeployOutcome>> DeployAsync(DeviceClient client, byte[] bundle, string[] ids, ParseResult parse,
        Option<double> timeout, bool asJson, CancellationToken cancellationToken)
    {
        int done = 0;
        var outcomes = await client.DeployAsync(bundle, ids, RemoteCommand.Seconds(parse.GetValue(timeout), "--timeout"), outcome =>
        {
            int n = Interlocked.Increment(ref done);
            if (asJson)
                JsonLine.Print(Json(outcome));
            else
                Console.WriteLine((ids.Length > 1 ? "[" + n + "/" + ids.Length + "] " : "") + outcome
                    + " (" + outcome.Elapsed.TotalMilliseconds.ToString("0") + " ms)");
        }, cancellationToken);
        if (ids.Length > 1 && !asJson)
        {
            Console.WriteLine(outcomes.Count(o => o.Ok) + " installed, " + outcomes.Count(o => o.Reply is { Ok: false })
                + " refused, " + outcomes.Count(o => o.TimedOut) + " timed out");
        }
        return outcomes;
    }

    private static object Json(DeployOutcome o) => new
    {
        kind = "deploy",
        device = o.DeviceId,
        ok = o.Ok,
        status = o.Reply?.Status ?? "timed-out",
        refusal = o.Reply?.Refusal,
        reason = o.Reply?.Reason,
        tenant = o.Reply?.Tenant,
        slot = o.Reply?.Slot,
        sequence = o.Reply?.Sequence,
        elapsedMs = (long)o.Elapsed.TotalMilliseconds,
    };

    private static int ViaCoap(BrokerAddress device, byte[] bundle)
    {
        using var client = new CoapDeviceClient(device);
        UpdateReply reply = client.Deploy(bundle);
        Console.WriteLine(device + ": " + reply);
        return reply.Ok ? 0 : CommandGuard.Failure;
    }
}
