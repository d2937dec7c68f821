// Mirrors nanoFramework.System.Device.Wifi 1.5.149 (System.Device.Wifi), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Device.Wifi tag v1.5.147, the newest tag available here; ConnectDhcp is identical from v1.5.2 to v1.5.147.

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual
    }
}
