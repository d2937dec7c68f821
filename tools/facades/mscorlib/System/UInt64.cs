// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public struct UInt64
    {
        public const ulong MaxValue = 18446744073709551615UL;

        public const ulong MinValue = 0UL;

        public override string ToString() { throw null; }

        public string ToString(string format) { throw null; }

        public static ulong Parse(string s) { throw null; }

        public static bool TryParse(string s, out ulong result) { throw null; }
    }
}
