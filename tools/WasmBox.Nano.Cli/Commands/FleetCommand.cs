using System.CommandLine;
using System.Diagnostics;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Deploy.Fleet;
using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Signing.Keyrings;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx fleet --devices N --mqtt URL [--devices-on URL ...] --bundle FILE --policy FILE --keyring DIR [--timeout S]
/// [--keep-alive S] [--connect-parallelism N] [--processes N]</c>:
/// starts N simulated devices in this process, or split over --processes device processes, on the broker (or split across the
/// --devices-on nodes of a cluster), deploys the bundle to all of them as `wbx deploy` does and prints the time until every
/// device reported. Exit 1 when any was lost. A device process is this command again with the hidden --part and --id-prefix.
/// </summary>
internal static class FleetCommand
{
    private const int MaxProcesses = 64;

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
            Description = "Devices connecting at the same time during start-up, per process (a failed connect is tried again with back-off)",
            DefaultValueFactory = _ => 16,
        };
        var processes = new Option<int>("--processes")
        {
            Description = "Run the devices in this many processes (1: in this one); this one then only deploys",
            DefaultValueFactory = _ => 1,
        };
        var part = new Option<string?>("--part") { Description = "FIRST:COUNT: run only these devices, for a `wbx fleet --processes` (internal)", Hidden = true };
        var idPrefix = new Option<string?>("--id-prefix") { Description = "Device ids are this and a number (internal)", Hidden = true };
        var command = new Command("fleet", "Measure a fleet deployment: N simulated devices, one bundle, time until all report")
        {
            devices, bundle, policy, keyring, profile, timeout, devicesOn, keepAlive, connectParallelism, processes, part, idPrefix,
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
            int processCount = parse.GetValue(processes);
            if (processCount is < 1 or > MaxProcesses)
                throw new CliError("--processes must be between 1 and " + MaxProcesses);
            MqttEndpoint broker = mqtt.Endpoint(parse);
            string prefix = parse.GetValue(idPrefix) ?? "fleet-" + Environment.ProcessId + "-";
            var options = new FleetTrialOptions
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
                IdPrefix = prefix,
                Timeout = RemoteCommand.Seconds(parse.GetValue(timeout), "--timeout"),
                KeepAlive = TimeSpan.FromSeconds(Math.Round(keepAliveSeconds)),
                Startup = new FleetStartup { Parallelism = parallelism },
                Processes = processCount,
                PartProcess = (first, slice) => PartProcess(first, slice, prefix),
            };
            return parse.GetValue(part) is string slice
                ? await RunPartAsync(options, slice, count, cancellationToken)
                : await RunTrialAsync(options, cancellationToken);
        }));
        return command;
    }

    private static async Task<int> RunTrialAsync(FleetTrialOptions options, CancellationToken cancellationToken)
    {
        FleetReport report = await FleetTrial.RunAsync(options, line => Console.WriteLine(line), cancellationToken);
        foreach (var lost in report.Outcomes.Where(o => !o.Ok))
            Console.WriteLine("  " + lost);
        Console.WriteLine(report.NoneLost ? "none lost" : "LOST: " + (report.Devices - report.ConfirmedOnDevice) + " device(s)");
        return report.NoneLost ? 0 : CommandGuard.Failure;
    }

    /// <summary>A device process: starts its slice, then answers the parent (<see cref="FleetPartProtocol"/>) until its input ends.</summary>
    private static async Task<int> RunPartAsync(FleetTrialOptions options, string slice, int devices, CancellationToken cancellationToken)
    {
        string[] numbers = slice.Split(':');
        if (numbers.Length != 2 || !int.TryParse(numbers[0], out int first) || !int.TryParse(numbers[1], out int count)
            || first < 0 || count < 1 || first + count > devices)
            throw new CliError("--part must be FIRST:COUNT within --devices");
        await using LocalFleetPart fleetPart = await FleetTrial.StartLocalPartAsync(options, first, count, line => Console.WriteLine(line), cancellationToken);
        await FleetPartProtocol.ServeAsync(fleetPart, Console.In, Console.Out, cancellationToken);
        return 0;
    }

    /// <summary>This same command line again, for devices (first, count) only; a --processes it repeats is ignored with --part.</summary>
    private static ProcessStartInfo PartProcess(int first, int count, string idPrefix)
    {
        string host = Environment.ProcessPath ?? throw new CliError("cannot tell which program runs wbx, to start device processes");
        string[] self = Environment.GetCommandLineArgs(); // [0] is wbx.dll
        var start = new ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(self[0]);
        foreach (string argument in self.Skip(1))
            start.ArgumentList.Add(argument);
        foreach (string argument in new[] { "--part", first + ":" + count, "--id-prefix", idPrefix })
            start.ArgumentList.Add(argument);
        return start;
    }
}
