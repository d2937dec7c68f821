// Mirrors nanoFramework.System.Threading 1.1.52 (System.Threading), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Threading tag v1.1.52.

namespace System.Threading
{
    public struct CancellationToken
    {
        private object _dummy;
    }
}
