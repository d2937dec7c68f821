using System.Diagnostics;
using Xunit.Abstractions;

namespace WasmBox.Nano.Coap.Tests.Support;

/// <summary>Runs libcoap's coap-client (coap-client, or Debian's coap-client-notls) with bounded waits.</summary>
internal static class LibcoapClient
{
    // coap-client gives up after -B seconds; the process gets a little longer before it is killed.
    const int BreakSeconds = 10;

    public static string? Path { get; } = LibcoapTool.Find("coap-client", "coap-client-notls");

    public const string SkipReason = "libcoap's coap-client (Debian package libcoap3-bin) is not installed";

    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs coap-client with <paramref name="arguments"/>, logging the command line and its output.</summary>
    public static Result Run(ITestOutputHelper log, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-B");
        start.ArgumentList.Add(BreakSeconds.ToString());
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit((BreakSeconds + 20) * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("coap-client did not finish: " + string.Join(' ', arguments));
        }
        var result = new Result(process.ExitCode, output.Result, error.Result);
        log.WriteLine($"$ {System.IO.Path.GetFileName(Path)} -B {BreakSeconds} {string.Join(' ', arguments)}  -> exit {result.ExitCode}");
        log.WriteLine("stdout: " + result.Output.Trim());
        log.WriteLine("stderr: " + result.Error.Trim());
        return result;
    }
}
