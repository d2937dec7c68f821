// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Reflection
{
    public abstract class FieldInfo : MemberInfo
    {
        protected FieldInfo() { throw null; }

        public override MemberTypes MemberType { get { throw null; } }

        public abstract Type FieldType { get; }

        public abstract object GetValue(object obj);

        public virtual void SetValue(object obj, object value) { throw null; }

        public override object[] GetCustomAttributes(bool inherit) { throw null; }
    }
}
