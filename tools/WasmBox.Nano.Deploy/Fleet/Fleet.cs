using WasmBox.Nano.Deploy.Device;

namespace WasmBox.Nano.Deploy.Fleet;

/// <summary>Many simulated devices in this process, started a few at a time, stopped together.</summary>
public sealed class Fleet : IAsyncDisposable
{
    private readonly SimulatedDevice[] _devices;

    private Fleet(SimulatedDevice[] devices) => _devices = devices;

    public IReadOnlyList<SimulatedDevice> Devices => _devices;

    public IReadOnlyList<string> DeviceIds => _devices.Select(d => d.DeviceId).ToArray();

    /// <summary>Starts <paramref name="count"/> devices from <paramref name="optionsFor"/>(index); if one fails, those started are stopped.</summary>
    public static async Task<Fleet> StartAsync(int count, Func<int, SimulatedDeviceOptions> optionsFor, int parallelism = 16,
        CancellationToken cancellationToken = default)
    {
        if (count < 1)
            throw new DeployException("a fleet needs at least one device");
        var devices = new SimulatedDevice?[count];
        try
        {
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (i, token) => devices[i] = await SimulatedDevice.StartAsync(optionsFor(i), token));
        }
        catch
        {
            await Task.WhenAll(devices.Where(d => d is not null).Select(d => d!.DisposeAsync().AsTask()));
            throw;
        }
        return new Fleet(devices.Select(d => d!).ToArray());
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(_devices.Select(d => d.DisposeAsync().AsTask()));
}
