// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public struct Char
    {
        public const char MaxValue = '\uffff';

        public const char MinValue = '\0';

        public override string ToString() { throw null; }

        public char ToLower() { throw null; }

        public char ToUpper() { throw null; }
    }
}
