using System.CommandLine;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Cli.Simulating;
using WasmBox.Nano.Sim.Keys;
using WasmBox.Nano.Sim.Demo;
using WasmBox.Nano.Sim.Scripting;
using WasmBox.Nano.Sim.Session;
using WasmBox.Nano.Sim.View;
using WasmBox.Nano.Signing.Keyrings;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx sim [INPUT] [--profile NAME] [--policy FILE] [--bundle F.wbx ...] [--keyring DIR] [--seconds N]
/// [--press BUTTON@MS ...] [--message TOPIC=PAYLOAD@MS ...] [--json]</c>: runs the runtime on a simulated
/// board with the owner's policy and signed bundles, in real time, and shows the live view with the
/// tenants' printed lines (JSON lines when --json or stdout is not a terminal). INPUT, told by content,
/// is C source, an object, an image or a project folder (built and signed for this board, see
/// <see cref="SimInput"/>) or a bundle. Ends after --seconds (default: 10 with bundles only, Ctrl+C
/// with INPUT) with a summary. Exit 1 when the profile, policy, a bundle, a key or a scripted input is bad.
/// </summary>
internal static class SimCommand
{
    private const int BundleSeconds = 10;

    public static Command Create()
    {
        var input = new Argument<string?>("INPUT") { Description = "C source, ELF object, image, bundle or project folder to build, sign and run (recognised by content)", Arity = ArgumentArity.ZeroOrOne };
        var profile = new Option<string>("--profile") { Description = "Hardware profile id (e.g. esp32-wrover-kit) or profile .json file", DefaultValueFactory = _ => "esp32-devkitc" };
        var policy = new Option<string?>("--policy") { Description = "Tenant policy document (JSON); default with INPUT: the project's policy.json, else one granting what the function declares" };
        var bundles = new Option<string[]>("--bundle") { Description = "Signed bundle (.wbx) to install; repeat for more", AllowMultipleArgumentsPerToken = false };
        var keyring = new Option<string?>("--keyring") { Description = "Directory of TENANT.pub.pem keys; default: the sample tenants' keys built into wbx" };
        var seconds = new Option<int?>("--seconds") { Description = "How long to run; default " + BundleSeconds + " with --bundle only, until Ctrl+C with INPUT" };
        var presses = new Option<string[]>("--press") { Description = "Press and release a profile button at a time: BUTTON@MS (repeatable)" };
        var messages = new Option<string[]>("--message") { Description = "Publish a message to the board: TOPIC=PAYLOAD@MS, TOPIC relative to wbx/{deviceId}/app/ as hooks name it (repeatable)" };
        var json = new Option<bool>("--json") { Description = "Print JSON lines (inputs, events, {type:\"log\"} printed lines, snapshots, a summary) instead of the live view" };
        var command = new Command("sim", "Build and run a function (or tenants' bundles) on a simulated board and show its output")
        {
            input, profile, policy, bundles, keyring, seconds, presses, messages, json,
        };
        command.SetAction(parse => CommandGuard.Run(() => SimErrors.Report(() =>
        {
            string? inputPath = parse.GetValue(input);
            string[] bundlePaths = parse.GetValue(bundles) ?? [];
            if (inputPath is null && bundlePaths.Length == 0)
                throw new CliError("nothing to run: give a C file or project folder (`wbx sim hello`), or --bundle F.wbx");
            int? given = parse.GetValue(seconds);
            if (given < 1)
                throw new CliError("--seconds must be at least 1");
            long durationMs = given * 1000L ?? (inputPath is null ? BundleSeconds * 1000L : long.MaxValue);
            var script = new InputScript(
                (parse.GetValue(presses) ?? []).Select(ScriptedInput.ParsePress).Cast<ScriptedInput>()
                .Concat((parse.GetValue(messages) ?? []).Select(ScriptedInput.ParseMessage)));
            string? policyPath = parse.GetValue(policy);
            SimInput? built = inputPath is null ? null : SimInput.Open(inputPath, policyPath);
            string policyText = built?.PolicyText ?? (policyPath is null
                ? throw new CliError("--policy FILE is required with --bundle (a tenant policy document; `wbx tenant-policy check` checks one)")
                : InputFile.ReadText(policyPath));
            using SimulationSession session = SimulationSession.Create(new SimulationOptions
            {
                Profile = parse.GetRequiredValue(profile),
                PolicyText = policyText,
                PolicySource = built?.PolicySource ?? policyPath!,
                Keyring = Keyring(parse.GetValue(keyring), built?.Keyring),
            });
            session.InstallAll(bundlePaths.Select(NamedBundle.FromFile).Concat(built is null ? [] : [built.Bundle]));
            script.Validate(session);
            var output = SimOutput.Choose(parse.GetValue(json), "wbx sim " + session.Board.Profile.Id);
            using var ctrlC = new CtrlC();
            session.Start(threaded: true);
            SimSnapshot final = output.Show(SimDriver.RealTime(session, script, durationMs, ctrlC.Token));
            session.Runtime.Shutdown();
            output.Summary(final);
            return 0;
        })));
        return command;
    }

    /// <summary>The keys the simulated board trusts: --keyring or the samples', plus the key made for a built INPUT.</summary>
    private static ITenantKeyring Keyring(string? directory, MemoryKeyring? built)
    {
        ITenantKeyring configured = directory is null ? DemoFiles.Keyring() : new DirectoryKeyring(directory);
        return built is null ? configured : new LayeredKeyring(built, configured);
    }
}

/// <summary>Turns the simulator's setup errors into the CLI's one-line "wbx: error: ..." (shared by sim and demo).</summary>
internal static class SimErrors
{
    public static int Report(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is SimSetupException or KeyFileException)
        {
            throw new CliError(e.Message);
        }
    }
}
