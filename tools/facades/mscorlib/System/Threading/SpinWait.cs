// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Threading
{
    public struct SpinWait
    {
        public void SpinOnce() { throw null; }

        public static void SpinUntil(TimeSpan timeout) { throw null; }

        public static void SpinUntil(int millisecondsTimeout) { throw null; }
    }
}
