// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public struct Int32
    {
        public const int MaxValue = 2147483647;

        public const int MinValue = -2147483648;

        public override string ToString() { throw null; }

        public string ToString(string format) { throw null; }

        public static int Parse(string s) { throw null; }

        public static bool TryParse(string s, out int result) { throw null; }
    }
}
