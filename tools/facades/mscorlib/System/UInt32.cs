// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public struct UInt32
    {
        public const uint MaxValue = 4294967295U;

        public const uint MinValue = 0U;

        public override string ToString() { throw null; }

        public string ToString(string format) { throw null; }

        public static uint Parse(string s) { throw null; }

        public static bool TryParse(string s, out uint result) { throw null; }
    }
}
