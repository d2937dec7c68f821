namespace WasmBox.Nano.Protocol.Mqtt
{
    /// <summary>
    /// How much managed heap the board has left, for telemetry. Portable code cannot ask the runtime
    /// (nanoFramework reports it through nanoFramework.Runtime.Native), so the board supplies it.
    /// </summary>
    public interface IMemoryGauge
    {
        /// <summary>Free managed heap in bytes.</summary>
        long FreeBytes();
    }
}
