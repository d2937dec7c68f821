// Mirrors nanoFramework.Runtime.Native 1.7.11 (nanoFramework.Runtime.Native), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/nanoFramework.Runtime.Native tag v1.7.11.

namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) { throw null; }
    }
}
