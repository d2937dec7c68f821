using System.CommandLine;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Sim.Demo;
using WasmBox.Nano.Sim.Scripting;
using WasmBox.Nano.Sim.Session;
using WasmBox.Nano.Sim.View;
using WasmBox.Nano.Signing.Keyrings;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx sim --profile NAME --policy FILE --bundle F.wbx [--bundle ...] [--keyring DIR] [--seconds N]
/// [--press BUTTON@MS ...] [--message TOPIC=PAYLOAD@MS ...] [--json]</c>: runs the runtime on a simulated
/// board with the owner's policy and signed bundles, in real time, and shows the live view
/// (JSON lines when --json or stdout is not a terminal). Ends after --seconds or on Ctrl+C with a
/// summary. Exit 1 when the profile, policy, a bundle, a key or a scripted input is bad.
/// </summary>
internal static class SimCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile") { Description = "Hardware profile id (e.g. esp32-devkitc) or profile .json file", Required = true };
        var policy = new Option<string>("--policy") { Description = "Provisioning document (JSON) with the tenants' grants", Required = true };
        var bundles = new Option<string[]>("--bundle") { Description = "Signed bundle (.wbx) to install; repeat for more", Required = true, AllowMultipleArgumentsPerToken = false };
        var keyring = new Option<string?>("--keyring") { Description = "Directory of TENANT.pub.pem keys; default: the sample tenants' keys built into wbx" };
        var seconds = new Option<int>("--seconds") { Description = "How long to run", DefaultValueFactory = _ => 10 };
        var presses = new Option<string[]>("--press") { Description = "Press and release a profile button at a time: BUTTON@MS (repeatable)" };
        var messages = new Option<string[]>("--message") { Description = "Publish a message to the board: TOPIC=PAYLOAD@MS, TOPIC relative to wbx/{deviceId}/app/ as hooks name it (repeatable)" };
        var json = new Option<bool>("--json") { Description = "Print JSON lines (inputs, events, snapshots, a summary) instead of the live view" };
        var command = new Command("sim", "Run tenants' bundles on a simulated board with a live view")
        {
            profile, policy, bundles, keyring, seconds, presses, messages, json,
        };
        command.SetAction(parse => CommandGuard.Run(() => SimErrors.Report(() =>
        {
            int duration = parse.GetValue(seconds);
            if (duration < 1)
            {
                throw new CliError("--seconds must be at least 1");
            }
            var script = new InputScript(
                (parse.GetValue(presses) ?? []).Select(ScriptedInput.ParsePress).Cast<ScriptedInput>()
                .Concat((parse.GetValue(messages) ?? []).Select(ScriptedInput.ParseMessage)));
            string policyPath = parse.GetRequiredValue(policy);
            using SimulationSession session = SimulationSession.Create(new SimulationOptions
            {
                Profile = parse.GetRequiredValue(profile),
                PolicyText = InputFile.ReadText(policyPath),
                PolicySource = policyPath,
                Keyring = Keyring(parse.GetValue(keyring)),
            });
            session.InstallAll(parse.GetRequiredValue(bundles).Select(NamedBundle.FromFile));
            script.Validate(session);
            var output = SimOutput.Choose(parse.GetValue(json), "wbx sim " + session.Board.Profile.Id);
            using var ctrlC = new CtrlC();
            session.Start(threaded: true);
            SimSnapshot final = output.Show(SimDriver.RealTime(session, script, duration * 1000L, ctrlC.Token));
            session.Runtime.Shutdown();
            output.Summary(final);
            return 0;
        })));
        return command;
    }

    private static ITenantKeyring Keyring(string? directory) =>
        directory is null ? DemoFiles.Keyring() : new DirectoryKeyring(directory);
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
