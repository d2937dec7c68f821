using System.Diagnostics;

namespace WasmBox.Nano.Deploy.Tests.Support;

/// <summary>
/// A private mosquitto on 127.0.0.1 for one test class, started and stopped through
/// tools/test-peers/mosquitto.sh. <see cref="Require"/> skips the test when mosquitto is absent.
/// </summary>
public sealed class Mosquitto : IDisposable
{
    private static readonly string? Script = RepoFile.Find("tools/test-peers/mosquitto.sh");
    private readonly int? _port;

    public Mosquitto()
    {
        if (!IsInstalled() || Script is null)
            return;
        _port = int.Parse(Run("start").Trim());
    }

    /// <summary>The broker's address; skips the calling test when there is none.</summary>
    public BrokerAddress Require()
    {
        Skip.If(!IsInstalled(), "mosquitto is not installed (Debian package 'mosquitto'); the MQTT end-to-end tests need it");
        Skip.If(_port is null, "tools/test-peers/mosquitto.sh was not found above the test binaries");
        return new BrokerAddress("127.0.0.1", _port!.Value);
    }

    public void Dispose()
    {
        if (_port is int port)
            Run("stop", port.ToString());
    }

    private static bool IsInstalled() =>
        File.Exists("/usr/sbin/mosquitto")
        || (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "mosquitto")));

    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script!);
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("mosquitto.sh " + string.Join(' ', arguments) + " did not finish");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException("mosquitto.sh " + string.Join(' ', arguments) + " failed: " + error.Result);
        return output.Result;
    }
}
