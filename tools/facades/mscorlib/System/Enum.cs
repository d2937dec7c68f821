// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public abstract class Enum : ValueType
    {
        protected Enum() { throw null; }

        public bool HasFlag(Enum flag) { throw null; }

        public override string ToString() { throw null; }
    }
}
