using System.Collections.Concurrent;
using WasmBox.Nano.Runtime.Monitoring;

namespace WasmBox.Nano.Sim.Session;

/// <summary>
/// Every runtime event in order, for outputs that must show each one (JSON lines) and for
/// checks after a run. Filled on whichever thread raised the event; drained by the view.
/// </summary>
public sealed class RuntimeEventFeed : IRuntimeEvents
{
    private readonly ConcurrentQueue<RuntimeEvent> _pending = new();
    private readonly List<RuntimeEvent> _all = [];
    private readonly Lock _gate = new();

    public void OnRuntimeEvent(RuntimeEvent e)
    {
        _pending.Enqueue(e);
        lock (_gate)
        {
            _all.Add(e);
        }
    }

    /// <summary>Events not yet taken, oldest first.</summary>
    public IReadOnlyList<RuntimeEvent> TakeNew()
    {
        var taken = new List<RuntimeEvent>();
        while (_pending.TryDequeue(out RuntimeEvent? e))
        {
            taken.Add(e);
        }
        return taken;
    }

    /// <summary>Every event since the session was created.</summary>
    public IReadOnlyList<RuntimeEvent> All()
    {
        lock (_gate)
        {
            return _all.ToArray();
        }
    }
}
