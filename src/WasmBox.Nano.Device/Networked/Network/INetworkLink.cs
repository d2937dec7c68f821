using WasmBox.Nano.Device.Provisioning;

namespace WasmBox.Nano.Device.Networked.Network
{
    /// <summary>Brings the board's network interface up (Wi-Fi on ESP32, Ethernet on STM32F769).</summary>
    public interface INetworkLink
    {
        /// <summary>"wifi" or "ethernet", as the hardware profile's network field.</summary>
        string Kind { get; }

        /// <summary>
        /// Waits up to <paramref name="timeoutMs"/> for an IP address. Null on success, else why not (for the log).
        /// </summary>
        string Connect(DeviceProvisioning provisioning, int timeoutMs);
    }
}
