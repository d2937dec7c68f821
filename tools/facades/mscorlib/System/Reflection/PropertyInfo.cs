// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Reflection
{
    public abstract class PropertyInfo : MemberInfo
    {
        protected PropertyInfo() { throw null; }

        public abstract Type PropertyType { get; }

        public virtual object GetValue(object obj, object[] index) { throw null; }

        public virtual void SetValue(object obj, object value, object[] index) { throw null; }
    }
}
