// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public struct Int64
    {
        public const long MaxValue = 9223372036854775807L;

        public const long MinValue = -9223372036854775807L - 1;

        public override string ToString() { throw null; }

        public string ToString(string format) { throw null; }

        public static long Parse(string s) { throw null; }

        public static bool TryParse(string s, out long result) { throw null; }
    }
}
