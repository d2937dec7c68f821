using WasmBox.Nano.Device.Platform;
using WasmBox.Nano.Protocol.Mqtt;

namespace WasmBox.Nano.Device.Networked.Messaging
{
    /// <summary>The board's free managed heap for the MQTT agent's telemetry ("freeBytes").</summary>
    public sealed class ManagedHeapGauge : IMemoryGauge
    {
        public long FreeBytes()
        {
            return ManagedMemory.FreeBytes();
        }
    }
}
