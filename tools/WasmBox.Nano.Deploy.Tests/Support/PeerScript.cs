using System.Diagnostics;

namespace WasmBox.Nano.Deploy.Tests.Support;

/// <summary>Runs one of tools/test-peers/*.sh and returns what it printed.</summary>
internal static class PeerScript
{
    public static string Run(string script, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        string what = Path.GetFileName(script) + " " + string.Join(' ', arguments);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(what + " did not finish within " + timeout);
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException(what + " failed: " + error.Result);
        return output.Result;
    }
}
