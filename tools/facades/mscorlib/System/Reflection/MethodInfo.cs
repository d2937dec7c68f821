// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Reflection
{
    public abstract class MethodInfo : MethodBase
    {
        protected MethodInfo() { throw null; }

        public override MemberTypes MemberType { get { throw null; } }

        public abstract Type ReturnType { get; }
    }
}
