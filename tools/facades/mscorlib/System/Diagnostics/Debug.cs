// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Diagnostics
{
    public static class Debug
    {
        [Conditional("DEBUG")]
        public static void Assert(bool condition) { throw null; }

        [Conditional("DEBUG")]
        public static void Assert(bool condition, string message) { throw null; }

        [Conditional("DEBUG")]
        public static void Assert(bool condition, string message, string detailedMessage) { throw null; }

        [Conditional("DEBUG")]
        public static void Write(string message) { throw null; }

        [Conditional("DEBUG")]
        public static void WriteLine() { throw null; }

        [Conditional("DEBUG")]
        public static void WriteLine(string message) { throw null; }
    }
}
