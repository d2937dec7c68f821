using WasmBox.Nano.TestSupport;

namespace WasmBox.Nano.Sim.Tests.Support;

/// <summary>Runs the wbx tool as a process, and tells whether it has a command.</summary>
internal static class Wbx
{
    public static string DllPath => WbxProcess.DllPath;

    /// <summary>Null when wbx has the command, else why the test cannot run it.</summary>
    public static string? Missing(string command)
    {
        if (!File.Exists(DllPath))
        {
            return "wbx is not built at " + DllPath;
        }
        WbxResult help = Run(TimeSpan.FromMinutes(1), command, "--help");
        return help.ExitCode == 0 && help.Stdout.Contains(command, StringComparison.Ordinal)
            ? null
            : "this wbx has no '" + command + "' command (register " + char.ToUpperInvariant(command[0]) + command[1..] + "Command in Program.cs)";
    }

    public static WbxResult Run(TimeSpan timeout, params string[] args) => WbxProcess.Run(null, timeout, args);

    public static string RepoRoot() => WbxProcess.RepoRoot();
}
