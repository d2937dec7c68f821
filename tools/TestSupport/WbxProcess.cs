using System.Diagnostics;
using System.Text.Json;

namespace WasmBox.Nano.TestSupport;

/// <summary>What a wbx process printed and returned.</summary>
internal sealed record WbxResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    public override string ToString() => "exit " + ExitCode + "\nstdout: " + Stdout + "\nstderr: " + Stderr;
}

/// <summary>
/// Runs the built wbx (artifacts/bin/WasmBox.Nano.Cli/debug/wbx.dll, or $WBX_DLL) with `dotnet`.
/// Shared by the test projects that drive the CLI as a user would, as a linked source file.
/// </summary>
internal static class WbxProcess
{
    public static string DllPath => Environment.GetEnvironmentVariable("WBX_DLL")
        ?? Path.Combine(RepoRoot(), "artifacts", "bin", "WasmBox.Nano.Cli", "debug", "wbx.dll");

    /// <summary>Runs wbx; the timeout guards against a hung child and is no timing assertion.</summary>
    public static WbxResult Run(string? workingDirectory, TimeSpan timeout, params string[] args) =>
        RunWithEnvironment(new Dictionary<string, string?>(), workingDirectory, timeout, args);

    /// <summary>Runs wbx with these environment variables set (a null value unsets one) for the child only.</summary>
    public static WbxResult RunWithEnvironment(IReadOnlyDictionary<string, string?> environment, string? workingDirectory, TimeSpan timeout,
        params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach ((string name, string? value) in environment)
        {
            start.Environment[name] = value;
        }
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
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
        return new WbxResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The repository root: the first folder above the test assembly with Directory.Build.props.</summary>
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
