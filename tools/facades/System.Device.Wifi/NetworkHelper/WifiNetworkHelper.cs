// Mirrors nanoFramework.System.Device.Wifi 1.5.149 (System.Device.Wifi), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Device.Wifi tag v1.5.147, the newest tag available here; ConnectDhcp is identical from v1.5.2 to v1.5.147.

using System;
using System.Device.Wifi;
using System.Threading;

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status { get { throw null; } }

        public static Exception HelperException { get { throw null; } }

        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) { throw null; }
    }
}
