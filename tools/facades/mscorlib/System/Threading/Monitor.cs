// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Threading
{
    public static class Monitor
    {
        public static void Enter(object obj) { throw null; }

        public static void Exit(object obj) { throw null; }
    }
}
