using System.Diagnostics;
using System.Text.Json;

namespace WasmBox.Nano.Bundle.Tests.Cli;

/// <summary>Runs the built wbx (artifacts/bin/WasmBox.Nano.Cli/debug/wbx.dll, or $WBX_DLL) with `dotnet`.</summary>
internal static class Wbx
{
    public static readonly string Dll = Environment.GetEnvironmentVariable("WBX_DLL") ?? Path.GetFullPath(Path.Combine(
        AppContext.BaseDirectory, "..", "..", "WasmBox.Nano.Cli", "debug", "wbx.dll"));

    public static void SkipUnlessBuilt() => Skip.IfNot(File.Exists(Dll), "wbx.dll not built at " + Dll);

    public static Result Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung child, not a timing assertion.
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("wbx " + string.Join(" ", args) + " did not finish");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

        public override string ToString() => "exit " + ExitCode + "\nstdout: " + Stdout + "\nstderr: " + Stderr;
    }
}
