using System.CommandLine;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.MemoryPlan.Reporting;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx memory [--profile NAME] [--json]</c>: measures the runtime's managed memory per component
/// live (host GC bytes and the nanoFramework 32-bit price) and budgets every shipped profile, or
/// only NAME, by installing containers on a simulated board until the runtime refuses one.
/// Exit 1 when the profile does not load.
/// </summary>
internal static class MemoryCommand
{
    public static Command Create()
    {
        var profile = new Option<string?>("--profile") { Description = "Only this hardware profile (id or .json file); default: every shipped profile" };
        var json = new Option<bool>("--json") { Description = "Print the tables as JSON" };
        var command = new Command("memory", "Measure the runtime's memory per component and budget containers per hardware profile")
        {
            profile, json,
        };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            string? name = parse.GetValue(profile);
            IReadOnlyList<HardwareProfile> profiles = name is null ? HardwareProfiles.Names.Select(Load).ToList() : [Load(name)];
            MemoryPlanReport report = MemoryPlanReport.Measure(profiles);
            Console.Write(parse.GetValue(json) ? MemoryPlanJson.Format(report) + Environment.NewLine : MemoryPlanText.Format(report));
            return 0;
        }));
        return command;
    }

    private static HardwareProfile Load(string nameOrPath)
    {
        ProfileLoadResult result = HardwareProfiles.Load(nameOrPath);
        return result.Profile ?? throw new CliError("profile " + nameOrPath + ": " + string.Join("; ", result.Errors));
    }
}
