namespace WasmBox.Nano.Deploy.Fleet;

/// <summary>Which of a part's devices hold a function, and how many connections they lost and re-established so far.</summary>
public sealed record FleetPartCheck(IReadOnlyCollection<string> Holding, int ConnectionLosses);

/// <summary>Some of a fleet's devices, online: in this process (<see cref="LocalFleetPart"/>) or in another (<see cref="ProcessFleetPart"/>).</summary>
public interface IFleetPart : IAsyncDisposable
{
    /// <summary>Connects tried again during start-up.</summary>
    int ConnectRetries { get; }

    /// <summary>Memory the part's devices took: its process's working set after start-up, less before.</summary>
    long BytesUsed { get; }

    /// <summary>Which devices hold the function in <paramref name="tenant"/>'s slot at <paramref name="sequence"/>.</summary>
    Task<FleetPartCheck> CheckAsync(string tenant, int slot, long sequence, CancellationToken cancellationToken);
}

/// <summary>A part's devices run by this process.</summary>
public sealed class LocalFleetPart(Fleet fleet, long bytesUsed) : IFleetPart
{
    public int ConnectRetries => fleet.ConnectRetries;

    public long BytesUsed => bytesUsed;

    public Task<FleetPartCheck> CheckAsync(string tenant, int slot, long sequence, CancellationToken cancellationToken) =>
        Task.FromResult(new FleetPartCheck(
            fleet.Devices.Where(d => d.Updates.Installed.Any(f => f.Tenant == tenant && f.Slot == slot && f.Sequence == sequence))
                .Select(d => d.DeviceId).ToArray(),
            fleet.Devices.Sum(d => d.ConnectionLosses)));

    public ValueTask DisposeAsync() => fleet.DisposeAsync();
}
