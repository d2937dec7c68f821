// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public struct SByte
    {
        public const sbyte MaxValue = 127;

        public const sbyte MinValue = -128;

        public override string ToString() { throw null; }

        public string ToString(string format) { throw null; }

        public static sbyte Parse(string s) { throw null; }

        public static bool TryParse(string s, out sbyte result) { throw null; }
    }
}
