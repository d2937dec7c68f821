// Mirrors nanoFramework.TestFramework 3.0.80 (nanoFramework.TestFramework), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace nanoFramework.TestFramework
{
    public static class OutputHelper
    {
        public static void Write(string message) { throw null; }

        public static void WriteLine(string message) { throw null; }
    }
}
