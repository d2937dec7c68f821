using System.Collections.Concurrent;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;

namespace WasmBox.Nano.Sim.Session;

/// <summary>A line a tenant's function printed or logged, at board time.</summary>
public sealed record LogRow(long AtMs, string Tenant, string Container, string Line);

/// <summary>
/// The tenants' printed lines in order, as the runtime hands them over (its tenant output); filled
/// on the container's thread, drained by the view like <see cref="RuntimeEventFeed"/>.
/// </summary>
public sealed class TenantOutputFeed(IClock clock) : ITenantOutput
{
    private readonly ConcurrentQueue<LogRow> _pending = new();

    public void OnLine(Container container, string line) =>
        _pending.Enqueue(new LogRow(clock.NowMs, container.Tenant.Id, container.Name, line));

    /// <summary>Lines not yet taken, oldest first.</summary>
    public IReadOnlyList<LogRow> TakeNew()
    {
        var taken = new List<LogRow>();
        while (_pending.TryDequeue(out LogRow? row))
            taken.Add(row);
        return taken;
    }
}
