using WasmBox.Nano.Bundle;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Monitoring;

namespace WasmBox.Nano.Sim.Session;

/// <summary>What a <see cref="SimulationSession"/> is built from.</summary>
public sealed record SimulationOptions
{
    /// <summary>A shipped hardware profile id (e.g. "esp32-devkitc") or a profile file.</summary>
    public required string Profile { get; init; }

    /// <summary>The board owner's provisioning document (JSON text).</summary>
    public required string PolicyText { get; init; }

    /// <summary>Where the policy came from, for messages.</summary>
    public string PolicySource { get; init; } = "policy";

    /// <summary>The tenants' public keys that bundles are verified with.</summary>
    public required ITenantKeyring Keyring { get; init; }

    /// <summary>Null: the real-time clock. A SteppedClock makes a run deterministic.</summary>
    public IClock? Clock { get; init; }

    /// <summary>Anomaly thresholds; null for the runtime's defaults.</summary>
    public MonitorSettings? Monitor { get; init; }
}
