using System.CommandLine;
using System.Security.Cryptography;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Deploy;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx attest --mqtt URL --device ID --device-key FILE</c>: challenges the device with a
/// fresh random nonce, checks the report's HMAC with the device key and the nonce, and prints what
/// the device says it runs. Exit 1 when the report does not verify or does not come.
/// </summary>
internal static class AttestCommand
{
    private const int NonceBytes = 16;

    public static Command Create()
    {
        var mqtt = new BrokerOptions(required: true);
        var device = new Option<string>("--device") { Description = "Device id", Required = true };
        var deviceKey = new Option<string>("--device-key") { Description = "The device's attestation key file (hex)", Required = true };
        var timeout = RemoteCommand.TimeoutOption(10);
        var command = new Command("attest", "Challenge a device and verify its signed report of installed functions")
        {
            device, deviceKey, timeout,
        };
        mqtt.AddTo(command);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            string id = parse.GetRequiredValue(device);
            byte[] key = DeviceKeyFile.Load(parse.GetRequiredValue(deviceKey));
            byte[] nonce = RandomNumberGenerator.GetBytes(NonceBytes);
            await using DeviceClient client = await DeviceClient.ConnectAsync(mqtt.Endpoint(parse), cancellationToken);
            byte[]? message = await client.AttestAsync(id, nonce, RemoteCommand.Seconds(parse.GetValue(timeout), "--timeout"), cancellationToken);
            if (message is null)
                throw new CliError(id + " did not answer the challenge in time");
            string? problem = AttestationVerifier.Verify(message, key, nonce, out AttestationReport report);
            if (problem is not null)
            {
                bool refusal = message.Length > 0 && message[0] == '{';
                Console.WriteLine(id + ": NOT VERIFIED: " + (refusal ? "the device answered " + Replies.Preview(message) : problem));
                return CommandGuard.Failure;
            }
            Console.WriteLine(report.DeviceId + ": verified (nonce " + Convert.ToHexStringLower(nonce) + ")");
            Console.WriteLine("  runtime " + report.RuntimeVersion + ", up " + (report.UptimeMs / 1000.0).ToString("0.0") + " s");
            foreach (AttestedFunction f in report.Functions)
                Console.WriteLine("  " + f.Tenant + "/" + f.Slot + "  sequence " + f.Sequence + "  sha256 " + Convert.ToHexStringLower(f.Digest));
            if (report.Functions.Length == 0)
                Console.WriteLine("  (no functions installed)");
            if (report.DeviceId != id)
            {
                Console.WriteLine("  but the report names device '" + report.DeviceId + "', not '" + id + "'");
                return CommandGuard.Failure;
            }
            return 0;
        }));
        return command;
    }
}
