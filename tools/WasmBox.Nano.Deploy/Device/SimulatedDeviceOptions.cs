using WasmBox.Nano.Bundle;
using WasmBox.Nano.Mqtt;

namespace WasmBox.Nano.Deploy.Device;

/// <summary>What a <see cref="SimulatedDevice"/> is: identity, broker, owner's policy, tenant keys and board.</summary>
public sealed record SimulatedDeviceOptions
{
    public required string DeviceId { get; init; }

    /// <summary>The broker, with its TLS and credential settings (a device's own user name and password, or client certificate).</summary>
    public required MqttEndpoint Broker { get; init; }

    /// <summary>The board owner's provisioning document (tenants, grants, limits).</summary>
    public required string PolicyText { get; init; }

    /// <summary>Names the policy in errors, e.g. its file path.</summary>
    public string PolicySource { get; init; } = "policy";

    /// <summary>The tenants' public keys the board verifies bundles and commands with.</summary>
    public required ITenantKeyring Keyring { get; init; }

    /// <summary>
    /// The board owner's 65-byte P-256 public key, which hostcall policies must be signed with (never a
    /// tenant's); null: the device refuses every policy, saying it has no owner key.
    /// </summary>
    public byte[]? OwnerKey { get; init; }

    /// <summary>A shipped hardware profile id or a profile file.</summary>
    public string Profile { get; init; } = "esp32-devkitc";

    /// <summary>The board's drive; a fresh temporary one (gone on dispose) when null. Reuse it to survive restarts.</summary>
    public string? StorageDirectory { get; init; }

    /// <summary>UDP port for the CoAP agent on 127.0.0.1 (0 picks a free one); null runs no CoAP.</summary>
    public int? CoapPort { get; init; }

    /// <summary>The attestation key (HMAC-SHA256); null answers challenges with a refusal.</summary>
    public byte[]? DeviceKey { get; init; }

    /// <summary>How often telemetry is published; zero publishes none.</summary>
    public TimeSpan TelemetryPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// One thread per container and a timer thread, as on a board. Off, events run on the thread
    /// that delivers them and timers do not fire, which fleets of hundreds use to save threads.
    /// </summary>
    public bool Threaded { get; init; } = true;

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Receives the device's log lines (board log, transport problems); null discards them.</summary>
    public Action<string>? Log { get; init; }
}
