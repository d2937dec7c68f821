// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public struct UInt16
    {
        public const ushort MaxValue = 65535;

        public const ushort MinValue = 0;

        public override string ToString() { throw null; }

        public string ToString(string format) { throw null; }

        public static ushort Parse(string s) { throw null; }

        public static bool TryParse(string s, out ushort result) { throw null; }
    }
}
