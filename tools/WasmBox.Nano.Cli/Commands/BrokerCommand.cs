using System.CommandLine;
using System.Text.Json;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Mqtt;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx broker [--port N] [--tls-port N --cert F --cert-key F] [--user U --password P] [--json]</c>:
/// an MQTT broker built in (MQTTnet's server) on 127.0.0.1, so `wbx device` and `wbx deploy` work
/// with nothing installed. Runs until Ctrl+C or SIGTERM.
/// </summary>
internal static class BrokerCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Plain MQTT port on 127.0.0.1 (0: none, TLS only)", DefaultValueFactory = _ => MqttEndpoint.PlainPort };
        var tlsPort = new Option<int?>("--tls-port") { Description = "Also listen for MQTT over TLS (mqtts://) on this port; needs --cert and --cert-key" };
        var cert = new Option<string?>("--cert") { Description = "PEM certificate of the broker (must name 127.0.0.1 or the host clients use)" };
        var certKey = new Option<string?>("--cert-key") { Description = "PEM private key of --cert" };
        var user = new Option<string?>("--user") { Description = "Let in only clients with this user name (default: $" + BrokerOptions.UserVariable + ")" };
        var password = new Option<string?>("--password") { Description = "... and this password (default: $" + BrokerOptions.PasswordVariable + ")" };
        var json = new Option<bool>("--json") { Description = "Print the listeners as one JSON line" };
        var command = new Command("broker", "Run an MQTT broker on 127.0.0.1 for local work (MQTTnet's server) until Ctrl+C")
        {
            port, tlsPort, cert, certKey, user, password, json,
        };
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            int plain = parse.GetValue(port);
            var options = new LocalBrokerOptions
            {
                Port = plain == 0 ? null : plain,
                TlsPort = parse.GetValue(tlsPort),
                CertFile = RemoteCommand.ExistingFile(parse.GetValue(cert), "--cert"),
                KeyFile = RemoteCommand.ExistingFile(parse.GetValue(certKey), "--cert-key"),
                UserName = parse.GetValue(user) ?? BrokerOptions.FromEnvironment(BrokerOptions.UserVariable),
                Password = parse.GetValue(password) ?? BrokerOptions.FromEnvironment(BrokerOptions.PasswordVariable),
            };
            if (options.SettingsError() is string error)
                throw new CliError(error);
            using var stop = new StopSignal(cancellationToken);
            await using LocalBroker broker = await LocalBroker.StartAsync(options);
            string? plainUrl = broker.Plain?.ToString(), tlsUrl = broker.Tls?.ToString();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { mqtt = plainUrl, mqtts = tlsUrl, credentials = options.UserName is not null }));
            }
            else
            {
                Console.WriteLine("broker listening on " + string.Join(" and ", new[] { plainUrl, tlsUrl }.Where(u => u is not null))
                    + (options.UserName is null ? " (anyone may connect)" : " (user " + options.UserName + " only)") + "; Ctrl+C stops");
            }
            await stop.WaitAsync();
            Console.WriteLine("broker stopped");
            return 0;
        }));
        return command;
    }
}
