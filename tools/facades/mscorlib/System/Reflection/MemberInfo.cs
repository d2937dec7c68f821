// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Reflection
{
    public abstract class MemberInfo
    {
        protected MemberInfo() { throw null; }

        public abstract MemberTypes MemberType { get; }

        public abstract string Name { get; }

        public abstract Type DeclaringType { get; }

        public abstract object[] GetCustomAttributes(bool inherit);
    }
}
