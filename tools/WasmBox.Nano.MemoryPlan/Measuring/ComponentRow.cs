namespace WasmBox.Nano.MemoryPlan.Measuring;

/// <summary>
/// One measured component: host bytes allocated (GC delta, median) and its price on a 32-bit
/// nanoFramework heap. <see cref="DeviceMeasured"/> is false where the device figure is an
/// estimate (transient scratch taken at host size, native thread structures).
/// </summary>
public sealed record ComponentRow(
    string Group,
    string Component,
    long HostBytes,
    long DeviceBytes,
    int DeviceObjects,
    int DeviceArrays,
    bool DeviceMeasured,
    string Note = "");
