using System;
using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Device.Networked.Network;
using WasmBox.Nano.Device.Provisioning;

namespace WasmBox.Nano.Device.Esp32
{
    /// <summary>
    /// Wi-Fi station through System.Device.Wifi's WifiNetworkHelper, with the SSID and password from
    /// provisioning.json. The helper reconnects by itself after a drop (WifiReconnectionKind.Automatic).
    /// </summary>
    public sealed class WifiLink : INetworkLink
    {
        public string Kind { get { return BoardDescription.NetworkWifi; } }

        public string Connect(DeviceProvisioning provisioning, int timeoutMs)
        {
            if (provisioning.WifiSsid == null)
            {
                return "provisioning.json has no \"wifi\" object with the network's ssid and password";
            }
            using (CancellationTokenSource timeout = new CancellationTokenSource(timeoutMs))
            {
                try
                {
                    bool up = WifiNetworkHelper.ConnectDhcp(provisioning.WifiSsid, provisioning.WifiPassword,
                        WifiReconnectionKind.Automatic, false, 0, timeout.Token);
                    return up ? null : "Wi-Fi '" + provisioning.WifiSsid + "': "
                        + EthernetLink.Describe(WifiNetworkHelper.Status, WifiNetworkHelper.HelperException);
                }
                catch (Exception e)
                {
                    return "Wi-Fi setup failed: " + e.Message;
                }
            }
        }
    }
}
