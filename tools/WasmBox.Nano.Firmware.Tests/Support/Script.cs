using System.Diagnostics;

namespace WasmBox.Nano.Firmware.Tests.Support;

/// <summary>Runs a flashing script with a controlled PATH and collects its output.</summary>
internal sealed record ScriptResult(int ExitCode, string[] Lines, string Error);

internal static class Script
{
    /// <summary>System folders only: no nanoff, so the scripts choose "dotnet tool install".</summary>
    public const string PlainPath = "/usr/bin:/bin";

    public static ScriptResult Bash(IEnumerable<string> args, string searchPath = PlainPath) =>
        Run("bash", [Path.Combine(Repository.Firmware, "flash"), .. args], searchPath);

    public static ScriptResult PowerShell(IEnumerable<string> args, string searchPath) =>
        Run(PowerShellExe!, ["-NoProfile", "-NonInteractive", "-File", Path.Combine(Repository.Firmware, "flash.ps1"), .. args], searchPath);

    /// <summary>pwsh when it is installed (it is not on the Linux CI machines), else null.</summary>
    public static string? PowerShellExe { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator).Select(d => Path.Combine(d, "pwsh")).FirstOrDefault(File.Exists);

    static ScriptResult Run(string exe, IEnumerable<string> args, string searchPath)
    {
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        foreach (string a in args) start.ArgumentList.Add(a);
        start.Environment["PATH"] = searchPath;
        using var process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new ScriptResult(process.ExitCode, output.Split('\n', StringSplitOptions.RemoveEmptyEntries), error.Result);
    }
}
