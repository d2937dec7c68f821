using System.CommandLine;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Deploy.Fleet;
using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Signing.Keyrings;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx fleet --devices N --mqtt URL [--devices-on URL ...] --bundle FILE --policy FILE --keyring DIR [--timeout S]
/// [--keep-alive S] [--connect-parallelism N]</c>:
/// starts N simulated devices in this process on the broker (or split across the --devices-on nodes of a cluster), deploys the bundle to all of them as
/// `wbx deploy` does and prints the time until every device reported. Exit 1 when any was lost.
/// </summary>
internal static class FleetCommand
{
    public static Command Create()
    {
        var devices = new Option<int>("--devices") { Description = "How many simulated devices", DefaultValueFactory = _ => 100 };
        var mqtt = new BrokerOptions(required: true);
        var bundle = new Option<string>("--bundle") { Description = "Signed bundle (.wbx) to deploy to every device", Required = true };
        var policy = new Option<string>("--policy") { Description = "Provisioning document every device gets", Required = true };
        var keyring = new Option<string>("--keyring") { Description = "Directory of TENANT.pub.pem keys", Required = true };
        var profile = new Option<string>("--profile") { Description = "Hardware profile of every device", DefaultValueFactory = _ => "esp32-devkitc" };
        var timeout = RemoteCommand.TimeoutOption(120);
        var devicesOn = new Option<string[]>("--devices-on")
        {
            Description = "Broker URL the devices connect to, in turn (repeat for each node of a cluster); default: --mqtt, where the deploy is sent",
        };
        var keepAlive = new Option<double>("--keep-alive")
        {
            Description = "The devices' MQTT keep-alive in seconds, 0 for none: raise it when a loaded machine makes the broker drop idle devices",
            DefaultValueFactory = _ => 30,
        };
        var connectParallelism = new Option<int>("--connect-parallelism")
        {
            Description = "Devices connecting at the same time during start-up (a failed connect is tried again with back-off)",
            DefaultValueFactory = _ => 16,
        };
        var command = new Command("fleet", "Measure a fleet deployment: N simulated devices, one bundle, time until all report")
        {
            devices, bundle, policy, keyring, profile, timeout, devicesOn, keepAlive, connectParallelism,
        };
        mqtt.AddTo(command);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            int count = parse.GetValue(devices);
            if (count is < 1 or > 10000)
                throw new CliError("--devices must be between 1 and 10000");
            double keepAliveSeconds = parse.GetValue(keepAlive);
            if (keepAliveSeconds is < 0 or > 65535)
                throw new CliError("--keep-alive must be between 0 (none) and 65535 seconds");
            int parallelism = parse.GetValue(connectParallelism);
            if (parallelism is < 1 or > 1000)
                throw new CliError("--connect-parallelism must be between 1 and 1000");
            MqttEndpoint broker = mqtt.Endpoint(parse);
            FleetReport report = await FleetTrial.RunAsync(new FleetTrialOptions
            {
                Devices = count,
                Broker = broker,
                DeviceBrokers = (parse.GetValue(devicesOn) ?? []).Select(url => MqttEndpoint.Parse(url) with
                {
                    CaFile = broker.CaFile, ClientCertFile = broker.ClientCertFile, ClientKeyFile = broker.ClientKeyFile,
                    UserName = broker.UserName, Password = broker.Password,
                }).ToArray(),
                Bundle = RemoteCommand.ReadBytes(parse.GetRequiredValue(bundle)),
                PolicyText = RemoteCommand.ReadText(parse.GetRequiredValue(policy)),
                Keyring = new DirectoryKeyring(parse.GetRequiredValue(keyring)),
                Profile = parse.GetRequiredValue(profile),
                IdPrefix = "fleet-" + Environment.ProcessId + "-",
                Timeout = RemoteCommand.Seconds(parse.GetValue(timeout), "--timeout"),
                KeepAlive = TimeSpan.FromSeconds(Math.Round(keepAliveSeconds)),
                Startup = new FleetStartup { Parallelism = parallelism },
            }, line => Console.WriteLine(line), cancellationToken);
            foreach (var lost in report.Outcomes.Where(o => !o.Ok))
                Console.WriteLine("  " + lost);
            Console.WriteLine(report);
            Console.WriteLine(report.NoneLost ? "none lost" : "LOST: " + (report.Devices - report.ConfirmedOnDevice) + " device(s)");
            return report.NoneLost ? 0 : CommandGuard.Failure;
        }));
        return command;
    }
}
