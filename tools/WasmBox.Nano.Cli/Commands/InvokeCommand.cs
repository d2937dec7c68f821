using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Deploy;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx invoke --mqtt URL --device ID --tenant T --slot N [--payload TEXT | --payload-file F]</c>
/// or with <c>--coap HOST[:PORT]</c>: runs the installed function once with the payload (through its
/// CoAP hook, else its MQTT hook) and prints how the run ended. Exit 1 when it did not run or faulted.
/// With <c>--key</c> the invocation is signed for the device (tenants whose policy has
/// "signedInvokes"); the counter is the Unix time in microseconds unless <c>--counter</c> gives one.
/// </summary>
internal static class InvokeCommand
{
    public static Command Create()
    {
        var mqtt = new BrokerOptions(required: false);
        var device = new Option<string?>("--device") { Description = "Device id; with --mqtt" };
        var coap = new Option<string?>("--coap") { Description = "Invoke over CoAP at HOST[:PORT] instead" };
        var tenant = new Option<string>("--tenant") { Description = "The function's tenant", Required = true };
        var slot = new Option<int>("--slot") { Description = "The function's slot", Required = true };
        var payload = new Option<string?>("--payload") { Description = "Payload text (UTF-8)" };
        var payloadFile = new Option<string?>("--payload-file") { Description = "Payload bytes from a file" };
        var key = new Option<string?>("--key") { Description = "Sign the invocation with the tenant's private key (TENANT.key.pem); needs --device" };
        var counter = new Option<long?>("--counter") { Description = "Counter of a signed invocation; default: the Unix time in microseconds" };
        var timeout = RemoteCommand.TimeoutOption(10);
        var json = new Option<bool>("--json") { Description = "Print the device's answer as JSON {tenant, slot, ok, refusal, name, status, result, coapCode, output, outputHex}, or {timedOut: true}" };
        var command = new Command("invoke", "Run an installed function once with a payload and show the result")
        {
            device, coap, tenant, slot, payload, payloadFile, key, counter, timeout, json,
        };
        mqtt.AddTo(command);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            string? text = parse.GetValue(payload);
            string? file = parse.GetValue(payloadFile);
            if (text is not null && file is not null)
                throw new CliError("give --payload or --payload-file, not both");
            byte[] bytes = file is not null ? RemoteCommand.ReadBytes(file) : Encoding.UTF8.GetBytes(text ?? "");
            string t = parse.GetRequiredValue(tenant);
            int s = parse.GetValue(slot);
            string? id = parse.GetValue(device);
            string? keyFile = parse.GetValue(key);
            if (keyFile is not null)
                bytes = Signed(keyFile, id, t, s, parse.GetValue(counter), bytes);
            else if (parse.GetValue(counter) is not null)
                throw new CliError("--counter signs an invocation: give --key too");
            InvokeReply? reply;
            string? coapTarget = parse.GetValue(coap);
            if (coapTarget is not null)
            {
                using var client = new CoapDeviceClient(RemoteCommand.Broker(coapTarget, BrokerAddress.CoapPort));
                reply = client.Invoke(t, s, bytes);
            }
            else
            {
                if (!mqtt.Given(parse))
                    throw new CliError("give --mqtt with --device, or --coap");
                if (id is null)
                    throw new CliError("--mqtt needs --device");
                await using DeviceClient client = await DeviceClient.ConnectAsync(mqtt.Endpoint(parse), cancellationToken);
                reply = await client.InvokeAsync(id, t, s, bytes, RemoteCommand.Seconds(parse.GetValue(timeout), "--timeout"), cancellationToken);
            }
            if (parse.GetValue(json))
                JsonLine.Print(reply is null ? new { timedOut = true } : reply);
            else
                Console.WriteLine(reply?.ToString() ?? "no answer (timed out)");
            if (reply is null)
                return CommandGuard.Failure;
            return reply.Ok && reply.Status == "ok" ? 0 : CommandGuard.Failure;
        }));
        return command;
    }

    private static byte[] Signed(string keyFile, string? deviceId, string tenant, int slot, long? counter, byte[] payload)
    {
        if (deviceId is null)
            throw new CliError("--key signs the invocation for one device: give --device ID (also with --coap)");
        if (counter is < 1)
            throw new CliError("--counter must be at least 1");
        using ECDsa privateKey = TenantKeys.LoadPrivateKey(keyFile);
        return InvokeSigner.Sign(deviceId, tenant, slot, counter ?? InvokeSigner.NextCounter(), payload, privateKey);
    }
}
