using System.Diagnostics;

namespace WasmBox.Nano.Deploy.Fleet;

/// <summary>
/// A part's devices run by another process (`wbx fleet --part`), driven by <see cref="FleetPartProtocol"/>
/// over its standard input and output; its progress lines are passed on. Disposing ends its input,
/// so it stops its devices cleanly, and kills it if it does not end.
/// </summary>
public sealed class ProcessFleetPart : IFleetPart
{
    private const string ErrorPrefix = "wbx: error: ";
    private static readonly TimeSpan StopWait = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly Task<string> _errors;

    private ProcessFleetPart(Process process, Task<string> errors, int retries, long bytesUsed)
    {
        _process = process;
        _errors = errors;
        ConnectRetries = retries;
        BytesUsed = bytesUsed;
    }

    public int ConnectRetries { get; }

    public long BytesUsed { get; }

    /// <summary>Starts the process and waits until it says its devices are online; if it ends first, its error is the exception.</summary>
    public static async Task<ProcessFleetPart> StartAsync(ProcessStartInfo start, Action<string> log, CancellationToken cancellationToken)
    {
        start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.UseShellExecute = false;
        Process process = Process.Start(start) ?? throw new DeployException("cannot start " + start.FileName);
        Task<string> errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is string line)
            {
                if (FleetPartProtocol.ParseOnline(line) is var (retries, bytes))
                    return new ProcessFleetPart(process, errors, retries, bytes);
                log(line);
            }
            await process.WaitForExitAsync(cancellationToken);
            throw new DeployException("a device process ended before its devices were online: " + LastError(await errors));
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    public async Task<FleetPartCheck> CheckAsync(string tenant, int slot, long sequence, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(FleetPartProtocol.CheckLine(tenant, slot, sequence).AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
        string line = await _process.StandardOutput.ReadLineAsync(cancellationToken)
            ?? throw new DeployException("a device process ended during the check: " + LastError(await _errors));
        return FleetPartProtocol.ParseHolding(line);
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(StopWait);
        }
        catch (TimeoutException)
        {
            Kill(_process);
        }
        _process.Dispose();
    }

    /// <summary>The process's last error line, without the "wbx: error: " the caller will put before it again.</summary>
    private static string LastError(string errors)
    {
        string last = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(it printed no error)";
        return last.StartsWith(ErrorPrefix, StringComparison.Ordinal) ? last[ErrorPrefix.Length..] : last;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has ended already.
        }
    }
}
