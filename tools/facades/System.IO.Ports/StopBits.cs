// Mirrors nanoFramework.System.IO.Ports 1.1.139 (System.IO.Ports), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.IO.Ports tag v1.1.139.

namespace System.IO.Ports
{
    public enum StopBits
    {
        One = 1,
        Two = 2,
        OnePointFive = 3
    }
}
