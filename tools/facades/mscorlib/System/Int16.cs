// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public struct Int16
    {
        public const short MaxValue = 32767;

        public const short MinValue = -32768;

        public override string ToString() { throw null; }

        public string ToString(string format) { throw null; }

        public static short Parse(string s) { throw null; }

        public static bool TryParse(string s, out short result) { throw null; }
    }
}
