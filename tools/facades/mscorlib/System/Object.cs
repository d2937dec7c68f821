// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public class Object
    {
        public Object() { throw null; }

        public virtual string ToString() { throw null; }

        public virtual bool Equals(object obj) { throw null; }

        public static bool Equals(object objA, object objB) { throw null; }

        public static bool ReferenceEquals(object objA, object objB) { throw null; }

        public virtual int GetHashCode() { throw null; }

        public Type GetType() { throw null; }

        protected object MemberwiseClone() { throw null; }
    }
}
