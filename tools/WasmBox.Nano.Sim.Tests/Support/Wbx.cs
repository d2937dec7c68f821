using System.Diagnostics;

namespace WasmBox.Nano.Sim.Tests.Support;

/// <summary>Runs the wbx tool as a process (the build output of tools/WasmBox.Nano.Cli, or $WBX_DLL).</summary>
public static class Wbx
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string DllPath => Environment.GetEnvironmentVariable("WBX_DLL")
        ?? Path.Combine(RepoRoot(), "artifacts", "bin", "WasmBox.Nano.Cli", "debug", "wbx.dll");

    /// <summary>Null when wbx has the command, else why the test cannot run it.</summary>
    public static string? Missing(string command)
    {
        if (!File.Exists(DllPath))
        {
            return "wbx is not built at " + DllPath;
        }
        Result help = Run(TimeSpan.FromMinutes(1), command, "--help");
        return help.ExitCode == 0 && help.Stdout.Contains(command, StringComparison.Ordinal)
            ? null
            : "this wbx has no '" + command + "' command (register " + char.ToUpperInvariant(command[0]) + command[1..] + "Command in Program.cs)";
    }

    public static Result Run(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(DllPath);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("wbx " + string.Join(' ', args) + " did not end within " + timeout);
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("no repository root above " + AppContext.BaseDirectory);
    }
}
