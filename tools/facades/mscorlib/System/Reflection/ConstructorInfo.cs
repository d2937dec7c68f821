// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Reflection
{
    public abstract class ConstructorInfo : MethodBase
    {
        protected ConstructorInfo() { throw null; }

        public override MemberTypes MemberType { get { throw null; } }

        public object Invoke(object[] parameters) { throw null; }

        public override object[] GetCustomAttributes(bool inherit) { throw null; }
    }
}
