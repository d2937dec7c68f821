// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    [AttributeUsage(System.AttributeTargets.Class)]
    public sealed class AttributeUsageAttribute : Attribute
    {
        public AttributeUsageAttribute(AttributeTargets validOn) { throw null; }

        public AttributeTargets ValidOn { get { throw null; } }

        public bool AllowMultiple { get { throw null; } set { throw null; } }

        public bool Inherited { get { throw null; } set { throw null; } }
    }
}
