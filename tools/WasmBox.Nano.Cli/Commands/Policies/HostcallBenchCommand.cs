using System.CommandLine;
using WasmBox.Nano.Bench;
using WasmBox.Nano.Bench.Hostcalls;
using WasmBox.Nano.Cli.Io;

namespace WasmBox.Nano.Cli.Commands.Policies;

/// <summary>`wbx bench hostcalls`: ns per helper call with no policy, a trivial allow and each sample policy.</summary>
internal static class HostcallBenchCommand
{
    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "Runs per timed batch (100 calls each, 5 batches)", DefaultValueFactory = _ => 2000 };
        var samples = new Option<string>("--samples") { Description = "The tools/samples folder (policies and headers)", DefaultValueFactory = _ => "tools/samples" };
        var sources = new Option<string>("--sources") { Description = "The tools/bench/hostcalls folder (tenant functions)", DefaultValueFactory = _ => "tools/bench/hostcalls" };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON" };
        var command = new Command("hostcalls", "Measure ns per helper call with no policy, a trivial allow policy and the sample policies (needs clang)")
        {
            runs, samples, sources, json,
        };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            int n = parse.GetValue(runs);
            if (n < 1)
            {
                throw new CliError("--runs must be at least 1");
            }
            string samplesDir = parse.GetRequiredValue(samples);
            string sourcesDir = parse.GetRequiredValue(sources);
            if (!Directory.Exists(Path.Combine(samplesDir, "policies")) || !Directory.Exists(sourcesDir))
            {
                throw new CliError("policies or tenant sources not found; run from the repository root or give --samples and --sources");
            }
            HostcallResult[] results;
            try
            {
                results = HostcallCase.All.Select(c => HostcallBenchmark.Run(c, n, samplesDir, sourcesDir)).ToArray();
            }
            catch (BenchmarkSetupException e)
            {
                throw new CliError(e.Message);
            }
            MachineInfo machine = MachineInfo.Current();
            Console.WriteLine(parse.GetValue(json)
                ? System.Text.Json.JsonSerializer.Serialize(new { machine, results })
                : HostcallBenchmark.Text(results));
            return 0;
        }));
        return command;
    }
}
