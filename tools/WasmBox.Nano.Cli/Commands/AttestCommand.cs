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
        var json = new Option<bool>("--json")
        {
            Description = "Print {device, verified, nonce, runtimeVersion, uptimeMs, functions: [{tenant, slot, sequence, sha256}]}, "
                + "or {device, verified: false, reason} (also when no answer came)",
        };
        var command = new Command("attest", "Challenge a device and verify its signed report of installed functions")
        {
            device, deviceKey, timeout, json,
        };
        mqtt.AddTo(command);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            string id = parse.GetRequiredValue(device);
            bool asJson = parse.GetValue(json);
            byte[] key = DeviceKeyFile.Load(parse.GetRequiredValue(deviceKey));
            byte[] nonce = RandomNumberGenerator.GetBytes(NonceBytes);
            await using DeviceClient client = await DeviceClient.ConnectAsync(mqtt.Endpoint(parse), cancellationToken);
            byte[]? message = await client.AttestAsync(id, nonce, RemoteCommand.Seconds(parse.GetValue(timeout), "--timeout"), cancellationToken);
            if (message is null)
                return asJson ? NotVerified(id, "no answer to the challenge in time") : throw new CliError(id + " did not answer the challenge in time");
            string? problem = AttestationVerifier.Verify(message, key, nonce, out AttestationReport report);
            if (problem is null && report.DeviceId != id)
                problem = "the report names device '" + report.DeviceId + "', not '" + id + "'";
            if (problem is not null)
            {
                bool refusal = message.Length > 0 && message[0] == '{';
                string reason = refusal ? "the device answered " + Replies.Preview(message) : problem;
                if (asJson)
                    return NotVerified(id, reason);
                Console.WriteLine(id + ": NOT VERIFIED: " + reason);
                return CommandGuard.Failure;
            }
            if (asJson)
                JsonLine.Print(new
                {
                    device = report.DeviceId, verified = true, nonce = Convert.ToHexStringLower(nonce), report.RuntimeVersion, report.UptimeMs,
                    functions = report.Functions.Select(f => new { f.Tenant, f.Slot, f.Sequence, sha256 = Convert.ToHexStringLower(f.Digest) }),
                });
            else
                PrintReport(report, nonce);
            return 0;
        }));
        return command;
    }

    private static int NotVerified(string id, string reason)
    {
        JsonLine.Print(new { device = id, verified = false, reason });
        return CommandGuard.Failure;
    }

    private static void PrintReport(AttestationReport report, byte[] nonce)
    {
        Console.WriteLine(report.DeviceId + ": verified (nonce " + Convert.ToHexStringLower(nonce) + ")");
        Console.WriteLine("  runtime " + report.RuntimeVersion + ", up " + (report.UptimeMs / 1000.0).ToString("0.0") + " s");
        foreach (AttestedFunction f in report.Functions)
            Console.WriteLine("  " + f.Tenant + "/" + f.Slot + "  sequence " + f.Sequence + "  sha256 " + Convert.ToHexStringLower(f.Digest));
        if (report.Functions.Length == 0)
            Console.WriteLine("  (no functions installed)");
    }
}
