// Mirrors nanoFramework.System.Net 1.11.60 (System.Net), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Net tag v1.11.54, the newest tag available here; the 1.11.60 source itself was not available to check.

namespace System.Net.Sockets
{
    [Flags]
    public enum SocketFlags
    {
        None = 0x0000,
        OutOfBand = 0x0001,
        Peek = 0x0002,
        DontRoute = 0x0004,
        MaxIOVectorLength = 0x0010,
        Truncated = 0x0100,
        ControlDataTruncated = 0x0200,
        Broadcast = 0x0400,
        Multicast = 0x0800,
        Partial = 0x8000,
    }
}
