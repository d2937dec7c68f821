// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

using System.Reflection;

namespace System
{
    public abstract class Delegate
    {
        protected Delegate() { throw null; }

        public override bool Equals(object obj) { throw null; }

        public static Delegate Combine(Delegate a, Delegate b) { throw null; }

        public MethodInfo Method { get { throw null; } }

        public virtual Delegate[] GetInvocationList() { throw null; }

        public object Target { get { throw null; } }

        public static Delegate Remove(Delegate source, Delegate value) { throw null; }

        public static bool operator ==(Delegate d1, Delegate d2) { throw null; }

        public static bool operator !=(Delegate d1, Delegate d2) { throw null; }
    }
}
