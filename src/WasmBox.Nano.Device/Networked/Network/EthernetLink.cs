using System;
using System.Threading;
using nanoFramework.Networking;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Device.Provisioning;

namespace WasmBox.Nano.Device.Networked.Network
{
    /// <summary>
    /// Ethernet through System.Net's NetworkHelper: waits for the DHCP address the firmware's network stack
    /// obtains (or the static one stored with <c>nanoff --networkdeployment</c>).
    /// </summary>
    public sealed class EthernetLink : INetworkLink
    {
        public string Kind { get { return BoardDescription.NetworkEthernet; } }

        public string Connect(DeviceProvisioning provisioning, int timeoutMs)
        {
            using (CancellationTokenSource timeout = new CancellationTokenSource(timeoutMs))
            {
                try
                {
                    if (NetworkHelper.SetupAndConnectNetwork(timeout.Token, false))
                    {
                        return null;
                    }
                    return Describe(NetworkHelper.Status, NetworkHelper.HelperException);
                }
                catch (Exception e)
                {
                    return "Ethernet setup failed: " + e.Message;
                }
            }
        }

        /// <summary>Shared with the Wi-Fi link: the helpers report through the same status enum.</summary>
        public static string Describe(NetworkHelperStatus status, Exception error)
        {
            return "network not ready (status " + (int)status + ")" + (error == null ? "" : ": " + error.Message);
        }
    }
}
