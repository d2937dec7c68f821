using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Simulation;

/// <summary>What the live view shows for one pin at one moment.</summary>
public sealed record PinState(
    int Number,
    string Name,
    PinCapabilities Capabilities,
    bool Reserved,
    bool Strapping,
    PinDriveMode? Mode,
    bool Level,
    bool HasEdgeHandler,
    string? Led,
    string? Button,
    bool ButtonPressed);
