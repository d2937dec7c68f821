// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Diagnostics
{
    public static class Debugger
    {
        public static bool IsAttached { get { throw null; } }

        public static void Break() { throw null; }
    }
}
