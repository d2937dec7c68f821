// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public class WeakReference
    {
        public WeakReference(object target) { throw null; }

        public virtual bool IsAlive { get { throw null; } }

        public virtual object Target { get { throw null; } set { throw null; } }
    }
}
