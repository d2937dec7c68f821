using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Monitoring;

namespace WasmBox.Nano.Sim.Session;

/// <summary>One container as the view shows it.</summary>
public sealed record ContainerRow(
    int Id, string Tenant, string Name, string Hooks, string State, long Runs, long Faults, int BudgetHits,
    int Violations, int RateLimited, long LastR0, double AvgRunMicros, double MaxRunMicros);

/// <summary>One pin in use (opened, or an LED or button of the profile).</summary>
public sealed record PinRow(int Number, string Name, string Mode, bool Level, string? Led, string? Button);

/// <summary>A runtime event as the view and the JSON lines show it.</summary>
public sealed record EventRow(long AtMs, string Kind, string Tenant, string? Container, string State, string Anomaly, string Detail)
{
    public static EventRow From(RuntimeEvent e) => new(e.TimestampMs, KindName(e.Kind), e.TenantId, e.ContainerName,
        ContainerStateText.Describe(e.State), e.Anomaly == AnomalyKind.None ? "" : AnomalyName(e.Anomaly), e.Detail ?? "");

    private static string KindName(RuntimeEventKind kind) => kind switch
    {
        RuntimeEventKind.Installed => "installed",
        RuntimeEventKind.InstallRefused => "install-refused",
        RuntimeEventKind.StateChanged => "state",
        RuntimeEventKind.Fault => "fault",
        RuntimeEventKind.PolicyViolation => "violation",
        RuntimeEventKind.Quarantined => "quarantined",
        RuntimeEventKind.Throttled => "throttled",
        _ => "event",
    };

    private static string AnomalyName(AnomalyKind anomaly) => anomaly switch
    {
        AnomalyKind.FaultBurst => "fault-burst",
        AnomalyKind.RateSpike => "rate-spike",
        AnomalyKind.PolicyViolations => "policy-violations",
        AnomalyKind.HelperFlood => "helper-flood",
        _ => "none",
    };
}

/// <summary>The board and its containers at one moment.</summary>
public sealed record SimSnapshot(long ElapsedMs, long BoardMs, IReadOnlyList<ContainerRow> Containers, IReadOnlyList<PinRow> Pins)
{
    private const double TicksPerMicrosecond = 10.0;

    public static SimSnapshot Take(SimulationSession session, long elapsedMs) => new(
        elapsedMs,
        session.Board.Clock.NowMs,
        session.Runtime.Containers.Where(c => c.State != ContainerState.Removed).Select(RowOf).ToList(),
        session.Board.Gpio.Snapshot().Where(p => p.Mode is not null || p.Led is not null || p.Button is not null).Select(RowOf).ToList());

    private static ContainerRow RowOf(Container c)
    {
        ContainerCounters k = c.Counters;
        return new ContainerRow(c.Id, c.Tenant.Id, c.Name, string.Join(", ", c.Manifest.Hooks.Select(h => h.ToString())),
            ContainerStateText.Describe(c.State), k.Runs, k.Faults, k.BudgetHits, k.PolicyViolations, k.RateLimitedRuns,
            (long)c.LastResult, k.RunTicksAverage / TicksPerMicrosecond, k.RunTicksMax / TicksPerMicrosecond);
    }

    private static PinRow RowOf(PinState p) =>
        new(p.Number, p.Name, p.Mode is { } mode ? Runtime.Policy.PinModes.NameOf(mode) : "closed", p.Level, p.Led, p.Button);
}
