namespace WasmBox.Nano.Device.Platform
{
    /// <summary>Free managed heap, for boot reports and telemetry.</summary>
    public static class ManagedMemory
    {
        /// <summary>
        /// Runs the collector without compacting (compaction can stall for a long time on a large heap) and
        /// returns the free bytes it reports.
        /// </summary>
        public static uint FreeBytes()
        {
            return nanoFramework.Runtime.Native.GC.Run(false);
        }
    }
}
