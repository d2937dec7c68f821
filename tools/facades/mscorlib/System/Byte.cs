// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public struct Byte
    {
        public const byte MaxValue = 255;

        public const byte MinValue = 0;

        public override string ToString() { throw null; }

        public string ToString(string format) { throw null; }

        public static byte Parse(string s) { throw null; }

        public static bool TryParse(string s, out byte result) { throw null; }
    }
}
