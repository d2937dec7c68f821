using System.Diagnostics;

namespace WasmBox.Nano.NanoClr;

/// <summary>What a child process printed, how it exited, and whether it had to be killed.</summary>
internal sealed record ProcessOutcome(int ExitCode, string Output, bool TimedOut);

internal static class ExternalProcess
{
    /// <summary>Runs <paramref name="file"/> with stdout and stderr merged, killing its process tree after <paramref name="timeout"/>.</summary>
    public static ProcessOutcome Run(string file, IEnumerable<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        process.StandardInput.Close();
        var output = new System.Text.StringBuilder();
        var gate = new Lock();
        void Append(string? line)
        {
            if (line == null) return;
            lock (gate) output.AppendLine(line);
        }
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool exited = process.WaitForExit(timeout);
        if (!exited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        lock (gate) return new ProcessOutcome(exited ? process.ExitCode : -1, output.ToString(), !exited);
    }
}
