using System.CommandLine;
using System.Security.Cryptography;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Cli.Project;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Protocol;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// The signed tenant commands, <c>wbx remove</c> and <c>wbx rollback</c>:
/// <c>--mqtt URL --device ID --tenant T --slot N --key T.key.pem [--sequence N]</c>. The
/// sequence must be above the slot's last one; by default it is above both the device's retained
/// state and this user's ledger (`wbx deploy`'s), and an accepted command is recorded there, so the
/// next deploy after a remove or rollback picks a number the board takes. Exit 1 when the device
/// refuses or does not answer.
/// </summary>
internal static class TenantCommand
{
    public static Command Create(UpdateOperation operation, string name, string description)
    {
        var mqtt = new BrokerOptions(required: true);
        var device = new Option<string>("--device") { Description = "Device id", Required = true };
        var tenant = new Option<string>("--tenant") { Description = "The tenant whose slot it is", Required = true };
        var slot = new Option<int>("--slot") { Description = "The slot", Required = true };
        var key = new Option<string>("--key") { Description = "The tenant's private key (TENANT.key.pem from `wbx keygen`)", Required = true };
        var sequence = new Option<long?>("--sequence") { Description = "Sequence number of the command; default: the slot's current one + 1" };
        var timeout = RemoteCommand.TimeoutOption(10);
        var json = new Option<bool>("--json") { Description = "Print the device's answer as JSON {op, bytes, ok, status, refusal, reason, tenant, slot, sequence}, or {timedOut: true}" };
        var command = new Command(name, description) { device, tenant, slot, key, sequence, timeout, json };
        mqtt.AddTo(command);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            string id = parse.GetRequiredValue(device);
            string t = parse.GetRequiredValue(tenant);
            int s = parse.GetValue(slot);
            TimeSpan wait = RemoteCommand.Seconds(parse.GetValue(timeout), "--timeout");
            using ECDsa privateKey = TenantKeys.LoadPrivateKey(parse.GetRequiredValue(key));
            await using DeviceClient client = await DeviceClient.ConnectAsync(mqtt.Endpoint(parse), cancellationToken);
            long next = parse.GetValue(sequence) ?? await NextSequenceAsync(client, id, t, s, wait, cancellationToken);
            byte[] signed = CommandSigner.Sign(operation, t, s, next, privateKey);
            UpdateReply? reply = await client.SendCommandAsync(id, operation, signed, wait, cancellationToken);
            if (parse.GetValue(json))
                JsonLine.Print(reply is null ? new { timedOut = true } : reply);
            else
                Console.WriteLine(id + ": " + (reply?.ToString() ?? "no answer (timed out)"));
            if (reply?.Ok == true)
                SequenceLedger.Open().Record(t, s, next);
            return reply?.Ok == true ? 0 : CommandGuard.Failure;
        }));
        return command;
    }

    private static async Task<long> NextSequenceAsync(DeviceClient client, string id, string tenant, int slot, TimeSpan wait,
        CancellationToken cancellationToken)
    {
        DeviceState? state = await client.GetStateAsync(id, wait, cancellationToken);
        FunctionState? function = state?.Find(tenant, slot);
        return function is not null
            ? SequenceLedger.Open().Next(tenant, slot, function.Sequence)
            : throw new CliError(state is null
                ? id + " has no retained state on this broker; give --sequence"
                : id + " shows no function at " + tenant + "/" + slot + "; give --sequence to send the command anyway");
    }
}
