using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.View;

/// <summary>One container's quarantine: when and the monitor's reason.</summary>
public sealed record Quarantine(long AtMs, string Tenant, string Container, string Reason);

/// <summary>
/// Every quarantine of a run, first one per container, in the order they happened: the live view's
/// fixed panel and the demo's verdict keep them after the event list has scrolled past.
/// </summary>
public sealed class QuarantineLog
{
    private readonly List<Quarantine> _all = [];

    public IReadOnlyList<Quarantine> All => _all;

    public void Record(IEnumerable<EventRow> events)
    {
        foreach (EventRow e in events.Where(e => e.Kind == "quarantined").OrderBy(e => e.AtMs))
        {
            string container = e.Container ?? "-";
            if (!_all.Any(q => q.Tenant == e.Tenant && q.Container == container))
                _all.Add(new Quarantine(e.AtMs, e.Tenant, container, e.Detail));
        }
    }
}
