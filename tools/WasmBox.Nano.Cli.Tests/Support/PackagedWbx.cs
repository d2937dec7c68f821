using System.Diagnostics;
using WasmBox.Nano.TestSupport;

namespace WasmBox.Nano.Cli.Tests.Support;

/// <summary>
/// wbx as a user installs it: `dotnet pack` of the built tool into a temporary folder, then
/// `dotnet tool install --tool-path` from there, once for every test that shares this fixture.
/// Commands run the installed `wbx` executable with a private config folder ($XDG_CONFIG_HOME).
/// </summary>
public sealed class PackagedWbx : IDisposable
{
    private const string PackageId = "WasmBox.Nano.Wbx";
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(10);

    public PackagedWbx()
    {
        Root = Directory.CreateTempSubdirectory("wbx-packaged-").FullName;
        string project = Path.Combine(WbxProcess.RepoRoot(), "tools", "WasmBox.Nano.Cli", "WasmBox.Nano.Cli.csproj");
        string packages = Path.Combine(Root, "packages");
        // --no-build: the test project's reference has just built the tool; pack what was built.
        Dotnet("pack", project, "--no-build", "-c", "Debug", "-o", packages);
        Dotnet("tool", "install", PackageId, "--tool-path", Path.Combine(Root, "tool"), "--add-source", packages);
        Executable = Path.Combine(Root, "tool", "wbx");
    }

    public string Root { get; }

    /// <summary>The installed command.</summary>
    public string Executable { get; }

    /// <summary>Runs the installed wbx in <paramref name="workingDirectory"/>; the timeout only guards against a hung child.</summary>
    internal WbxResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        var start = Start(workingDirectory, environment, args);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("wbx " + string.Join(' ', args) + " did not end within " + timeout + "; so far: " + stdout.Result);
        }
        return new WbxResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the installed wbx to run in the background (a device); the caller stops it.</summary>
    public Process StartBackground(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Process.Start(Start(workingDirectory, environment, args))!;

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
    }

    private ProcessStartInfo Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Root, "config");
        foreach ((string name, string value) in environment)
            start.Environment[name] = value;
        foreach (string a in args)
            start.ArgumentList.Add(a);
        return start;
    }

    private void Dotnet(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (string a in args)
            start.ArgumentList.Add(a);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(SetupTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', args) + " did not finish");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException("dotnet " + string.Join(' ', args) + " failed:\n" + stdout.Result + stderr.Result);
    }
}
