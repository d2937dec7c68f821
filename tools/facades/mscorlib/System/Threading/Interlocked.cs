// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Threading
{
    public static class Interlocked
    {
        public static int Increment(ref int location) { throw null; }

        public static int Decrement(ref int location) { throw null; }

        public static int Exchange(ref int location1, int value) { throw null; }

        public static int CompareExchange(ref int location1, int value, int comparand) { throw null; }
    }
}
