// Mirrors nanoFramework.System.Net 1.11.60 (System.Net), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Net tag v1.11.54, the newest tag available here; the 1.11.60 source itself was not available to check.

namespace System.Net.Sockets
{
    public enum SelectMode
    {
        SelectRead = 0,
        SelectWrite = 1,
        SelectError = 2,
    }
}
