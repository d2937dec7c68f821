using System.CommandLine;
using WasmBox.Nano.Bench;
using WasmBox.Nano.Cli.Commands.Policies;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// `wbx bench`: times the interpreter on the clang-built programs of tools/bench and checks
/// every run's result. Exit codes: 0 all good, 1 a wrong result or hot-path allocation,
/// 2 the suite could not be loaded.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var iterations = new Option<long?>("--iterations")
        {
            Description = "Runs per timed batch (5 batches per benchmark); default: batches of about 300 ms",
        };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON" };
        var dir = new Option<DirectoryInfo?>("--dir")
        {
            Description = "Read benchmarks.json, bin/ and inputs/ from this folder (e.g. tools/bench) instead of the copies built into wbx",
        };
        var command = new Command("bench", "Measure the interpreter's speed and allocations on the tools/bench programs")
        {
            iterations, json, dir,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(iterations), parseResult.GetValue(json), parseResult.GetValue(dir)));
        command.Subcommands.Add(CreateCrypto());
        command.Subcommands.Add(HostcallBenchCommand.Create());
        return command;
    }

    /// <summary>`wbx bench crypto`: ES256 verification cost of the board's managed P-256 code.</summary>
    private static Command CreateCrypto()
    {
        var perBatch = new Option<int>("--iterations")
        {
            Description = "Verifications per timed batch (5 batches)",
            DefaultValueFactory = _ => 200,
        };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("crypto", "Measure ES256 signature verification: ms per verify and big-integer operations per verify")
        {
            perBatch, json,
        };
        command.SetAction(parseResult =>
        {
            int n = parseResult.GetValue(perBatch);
            if (n < 1)
            {
                Console.Error.WriteLine("wbx bench crypto: --iterations must be at least 1");
                return 2;
            }
            SignatureBenchmarkResult result;
            try
            {
                result = SignatureBenchmark.Run(n);
            }
            catch (BenchmarkFailedException e)
            {
                Console.Error.WriteLine($"wbx bench crypto: FAILED: {e.Message}");
                return 1;
            }
            MachineInfo machine = MachineInfo.Current();
            Console.WriteLine(parseResult.GetValue(json)
                ? System.Text.Json.JsonSerializer.Serialize(new { machine, result })
                : SignatureBenchmark.Text(machine, result));
            return 0;
        });
        return command;
    }

    private static int Run(long? iterations, bool json, DirectoryInfo? dir)
    {
        if (iterations is < 1)
        {
            Console.Error.WriteLine("wbx bench: --iterations must be at least 1");
            return 2;
        }
        IBenchmarkFiles files = dir is null ? new EmbeddedBenchmarkFiles() : new DirectoryBenchmarkFiles(dir.FullName);
        var runner = new BenchmarkRunner(new BenchmarkSettings { RunsPerBatch = iterations });
        IReadOnlyList<BenchmarkResult> results;
        try
        {
            results = runner.Run(BenchmarkManifest.Load(files), json ? null : step => Console.Error.WriteLine(step + " ..."));
        }
        catch (BenchmarkSetupException e)
        {
            Console.Error.WriteLine($"wbx bench: {e.Message}");
            return 2;
        }
        catch (BenchmarkFailedException e)
        {
            Console.Error.WriteLine($"wbx bench: FAILED: {e.Message}");
            return 1;
        }

        MachineInfo machine = MachineInfo.Current();
        Console.WriteLine(json
            ? BenchmarkReport.Json(machine, files.Origin, results)
            : BenchmarkReport.Text(machine, files.Origin, results));

        var allocating = results.Where(r => r.BytesAllocatedPerRun > 0).Select(r => r.Name).ToList();
        if (allocating.Count > 0)
        {
            Console.Error.WriteLine($"wbx bench: FAILED: the interpreter allocated during runs of {string.Join(", ", allocating)}");
            return 1;
        }
        return 0;
    }
}
