using WasmBox.Nano.Sim.Scripting;

namespace WasmBox.Nano.Sim.Session;

/// <summary>What changed since the previous frame: the snapshot, new events, the inputs applied and the tenants' new printed lines.</summary>
public sealed record SimFrame(SimSnapshot Snapshot, IReadOnlyList<EventRow> NewEvents, IReadOnlyList<ScriptedInput> Applied, bool Final,
    IReadOnlyList<LogRow> NewLogs);
