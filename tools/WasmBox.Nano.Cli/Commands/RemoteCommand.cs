using System.CommandLine;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Deploy;
using WasmBox.Nano.Mqtt;
using WasmBox.Nano.Signing.Keys;
using WasmBox.Nano.Toolchain;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>What the commands that talk to devices share: the broker and timeout options, file reading, error reporting.</summary>
internal static class RemoteCommand
{
    public const int Interrupted = 130;

    /// <summary>Largest file read whole (bundles are limited to 80 KB; policies and payloads are small).</summary>
    private const long MaxInputBytes = 1 << 20;

    public static Option<double> TimeoutOption(double seconds) => new("--timeout")
    {
        Description = "Seconds to wait for the device's answer",
        DefaultValueFactory = _ => seconds,
    };

    public static BrokerAddress Broker(string text, int defaultPort = BrokerAddress.MqttPort) => BrokerAddress.Parse(text, defaultPort);

    public static TimeSpan Seconds(double seconds, string option) => seconds > 0 && seconds <= 86400
        ? TimeSpan.FromSeconds(seconds)
        : throw new CliError(option + " must be between 0 and 86400 seconds");

    public static byte[] ReadBytes(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new CliError("file not found: " + path);
        if (file.Length > MaxInputBytes)
            throw new CliError(path + ": " + file.Length + " bytes is more than wbx reads (" + MaxInputBytes + ")");
        return File.ReadAllBytes(path);
    }

    /// <summary>The path when the file exists (or no path was given); otherwise a <see cref="CliError"/> naming the option.</summary>
    public static string? ExistingFile(string? path, string option) =>
        path is null || File.Exists(path) ? path : throw new CliError(option + ": file not found: " + path);

    public static string ReadText(string path) => System.Text.Encoding.UTF8.GetString(ReadBytes(path));

    /// <summary>Runs an asynchronous command body; expected failures become one "wbx: error: ..." line and exit code 1.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("wbx: interrupted");
            return Interrupted;
        }
        catch (Exception e) when (e is CliError or DeployException or KeyFileException or ToolchainException or FormatException or IOException
                                       or UnauthorizedAccessException or MqttNotConnectedException or MqttSubscribeException)
        {
            Console.Error.WriteLine("wbx: error: " + e.Message);
            return CommandGuard.Failure;
        }
    }
}
