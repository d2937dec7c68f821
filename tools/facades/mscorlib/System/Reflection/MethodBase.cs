// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Reflection
{
    public abstract class MethodBase : MemberInfo
    {
        protected MethodBase() { throw null; }

        public bool IsPublic { get { throw null; } }

        public bool IsStatic { get { throw null; } }

        public bool IsFinal { get { throw null; } }

        public bool IsVirtual { get { throw null; } }

        public bool IsAbstract { get { throw null; } }

        public abstract ParameterInfo[] GetParameters();

        public object Invoke(object obj, object[] parameters) { throw null; }

        public override string Name { get { throw null; } }

        public override Type DeclaringType { get { throw null; } }
    }
}
