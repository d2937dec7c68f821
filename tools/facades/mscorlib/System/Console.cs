// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public static class Console
    {
        public static void Write(string value) { throw null; }

        public static void WriteLine() { throw null; }

        public static void WriteLine(string value) { throw null; }
    }
}
