using System.CommandLine;
using Spectre.Console;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Sim.Demo;
using WasmBox.Nano.Sim.Measurement;
using WasmBox.Nano.Sim.Scripting;
using WasmBox.Nano.Sim.Session;
using WasmBox.Nano.Sim.View;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx demo [--seconds N] [--json] [--profile P] [--policy FILE]</c>: a simulated ESP32 (with PSRAM by default,
/// see <see cref="DemoPlan.DefaultProfile"/>) with the sample tenants' signed bundles (built into wbx), scripted
/// button presses, messages and CoAP requests, a hostile tenant that gets stopped and quarantined, the live view
/// and a verdict per tenant.
/// <c>--measure [--compare [--rounds N]]</c>: after a warm-up, a sustained run with latency probes, memory per
/// container, and (with --compare) N interleaved rounds of each configuration, without and with the hostile
/// tenant, compared by their medians against the baseline's own round-to-round spread.
/// Exit 1 when a well-behaved tenant's results are wrong or the hostile tenant was not contained.
/// </summary>
internal static class DemoCommand
{
    private const int DemoSeconds = 20;
    private const int MeasureSeconds = 30;
    private const int DefaultRounds = 4;

    public static Command Create()
    {
        var seconds = new Option<int?>("--seconds")
        {
            Description = "How long to run (default " + DemoSeconds + ", with --measure " + MeasureSeconds + "; with --compare per configuration, split into the rounds)",
        };
        var json = new Option<bool>("--json") { Description = "Print JSON (lines for the demo, one object for --measure) instead of the live view" };
        var profile = new Option<string>("--profile")
        {
            Description = "Hardware profile of the simulated board. The default is an ESP32 with PSRAM because the demo needs "
                + "98652 bytes of device heap (4 tenants 4524, 6 well-behaved containers 62220, mallory's 4 containers 31908) "
                + "and an esp32-devkitc has 53248 for containers (80 KB heap - 28 KB reserve, `wbx memory --profile esp32-devkitc`): "
                + "it refuses the fifth container with BoardMemoryExhausted",
            DefaultValueFactory = _ => DemoPlan.DefaultProfile,
        };
        var policy = new Option<string?>("--policy") { Description = "Provisioning document to use instead of the built-in tools/samples/policy.demo.json" };
        var measure = new Option<bool>("--measure") { Description = "Sustained run with latency probes and memory per container, then the figures" };
        var compare = new Option<bool>("--compare") { Description = "With --measure: also run without the hostile tenant, in interleaved rounds, and compare" };
        var rounds = new Option<int?>("--rounds") { Description = "With --compare: rounds per configuration (default " + DefaultRounds + ")" };
        var command = new Command("demo", "Three tenants (two containers each) and a hostile one on a simulated ESP32, with a live view and a verdict")
        {
            seconds, json, profile, policy, measure, compare, rounds,
        };
        command.SetAction(parse => CommandGuard.Run(() => SimErrors.Report(() =>
        {
            int? duration = parse.GetValue(seconds);
            if (duration is < 1)
            {
                throw new CliError("--seconds must be at least 1");
            }
            if (parse.GetValue(compare) && !parse.GetValue(measure))
            {
                throw new CliError("--compare needs --measure");
            }
            int? roundCount = parse.GetValue(rounds);
            if (roundCount is not null && !parse.GetValue(compare))
            {
                throw new CliError("--rounds needs --compare");
            }
            long measureMs = (duration ?? MeasureSeconds) * 1000L;
            int roundsPerConfiguration = roundCount ?? DefaultRounds;
            if (parse.GetValue(compare) && (roundsPerConfiguration < 1 || measureMs / roundsPerConfiguration < IsolationRounds.MinimumRoundMs))
            {
                throw new CliError("--rounds must be between 1 and the seconds per configuration (" + measureMs / 1000 + "), so each round lasts at least 1 s");
            }
            bool asJson = parse.GetValue(json) || Console.IsOutputRedirected;
            string? policyPath = parse.GetValue(policy);
            var options = new DemoOptions
            {
                Profile = parse.GetRequiredValue(profile),
                PolicyText = policyPath is null ? null : InputFile.ReadText(policyPath),
            };
            return parse.GetValue(measure)
                ? Measure(options, measureMs, parse.GetValue(compare) ? roundsPerConfiguration : 0, asJson)
                : Show(options, (duration ?? DemoSeconds) * 1000L, asJson);
        })));
        return command;
    }

    private static int Show(DemoOptions options, long durationMs, bool json)
    {
        using DemoRun demo = DemoRun.Prepare(options);
        InputScript script = DemoPlan.Script(durationMs, hostile: true);
        script.Validate(demo.Session);
        var output = SimOutput.Choose(json, "wbx demo " + demo.Session.Board.Profile.Id, [DemoPlan.HostileTenant]);
        var quarantines = new QuarantineLog();
        using var ctrlC = new CtrlC();
        demo.Session.Start(threaded: true);
        SimSnapshot final = output.Show(SimDriver.RealTime(demo.Session, script, durationMs, ctrlC.Token).Select(frame =>
        {
            quarantines.Record(frame.NewEvents);
            return frame;
        }));
        demo.Session.Runtime.Shutdown();
        IReadOnlyList<TenantVerdict> verdicts = demo.Evaluate(script);
        output.Summary(final, new Dictionary<string, object?>
        {
            ["tenants"] = verdicts.Select(v => new { v.Tenant, v.Hostile, v.Ok, v.Checks }),
            ["quarantines"] = quarantines.All,
            ["refusedInstalls"] = demo.HostileRefusals.Select(r => new
            {
                tenant = r.Manifest?.Tenant, name = r.Manifest?.Name, refusal = BundleRefusalText.Name(r.Refusal), r.Reason,
            }),
        });
        if (!output.IsJson)
        {
            foreach (BundleInstallResult r in demo.HostileRefusals)
            {
                AnsiConsole.MarkupLine("[yellow]refused at install:[/] " + Markup.Escape((r.Manifest?.Tenant ?? "?") + "/" + (r.Manifest?.Name ?? "?") + ": " + r.Reason));
            }
            MeasurementReport.WriteVerdicts(AnsiConsole.Console, verdicts);
            foreach (Quarantine q in quarantines.All)
                AnsiConsole.MarkupLine("[red]quarantined[/] " + Markup.Escape(q.Tenant + "/" + q.Container + " at " + (q.AtMs / 1000.0).ToString("0.0") + " s: " + q.Reason));
        }
        return verdicts.All(v => v.Ok) ? 0 : CommandGuard.Failure;
    }

    /// <summary>With <paramref name="rounds"/> 0, one run with the hostile tenant; otherwise the interleaved comparison.</summary>
    private static int Measure(DemoOptions options, long durationMs, int rounds, bool json)
    {
        using var ctrlC = new CtrlC();
        Progress(json, "warming up every input path in both configurations (discarded) ...");
        MeasurementWarmUp.Run(options, ctrlC.Token);
        IsolationComparison? comparison = null;
        RunFigures with;
        if (rounds > 0)
        {
            comparison = IsolationRounds.Run(options, durationMs, rounds, step => Progress(json, step), ctrlC.Token);
            with = comparison.With[^1];
        }
        else
        {
            Progress(json, "run with the hostile tenant (" + durationMs / 1000 + " s) ...");
            with = SustainedRun.Measure(options with { WithHostile = true }, durationMs, ctrlC.Token);
        }
        Progress(json, "measuring memory per container ...");
        IReadOnlyList<ContainerMemory> memory = MemoryFigures.Measure(options);

        if (json)
        {
            new JsonLinesView(Console.Out).Write(new
            {
                type = "measurement", with,
                rounds = comparison is null ? null : new { without = comparison.Without, with = comparison.With },
                comparison = comparison?.Figures.Select(f => new
                {
                    f.Subject, f.Figure, without = f.Without.Median, with = f.With.Median, f.Change, f.BaselineSpread,
                    withoutRounds = f.Without.Values, withRounds = f.With.Values, verdict = f.Verdict.ToString(), f.WithinTolerance,
                }),
                memory,
            });
        }
        else
        {
            if (comparison is not null)
            {
                MeasurementReport.Write(AnsiConsole.Console, comparison.Without[^1]);
            }
            MeasurementReport.Write(AnsiConsole.Console, with);
            if (comparison is not null)
            {
                MeasurementReport.Write(AnsiConsole.Console, comparison);
            }
            MeasurementReport.Write(AnsiConsole.Console, memory);
        }
        IEnumerable<RunFigures> runs = comparison is null ? [with] : comparison.Without.Concat(comparison.With);
        return runs.All(run => run.Verdicts.All(v => v.Ok)) ? 0 : CommandGuard.Failure;
    }

    private static void Progress(bool json, string step)
    {
        if (!json)
        {
            Console.Error.WriteLine(step);
        }
    }
}
