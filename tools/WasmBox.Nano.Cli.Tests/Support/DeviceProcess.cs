using System.Diagnostics;

namespace WasmBox.Nano.Cli.Tests.Support;

/// <summary>A `wbx device` running in the background until disposed; started when it says it is online.</summary>
public sealed class DeviceProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly Process _process;

    private DeviceProcess(Process process) => _process = process;

    public static DeviceProcess Start(PackagedWbx wbx, string workingDirectory, params string[] args)
    {
        Process process = wbx.StartBackground(workingDirectory, new Dictionary<string, string>(), ["device", .. args]);
        var device = new DeviceProcess(process);
        Task<string?> line = process.StandardOutput.ReadLineAsync();
        if (!line.Wait(StartTimeout) || line.Result is not string first || !first.Contains(" online on mqtt"))
        {
            device.Dispose();
            throw new InvalidOperationException("wbx device did not come online: " + line.Result + process.StandardError.ReadToEnd());
        }
        // Keep draining its output so it never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return device;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
