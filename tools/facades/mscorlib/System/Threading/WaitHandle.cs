// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Threading
{
    public abstract class WaitHandle : MarshalByRefObject
    {
        protected WaitHandle() { throw null; }

        public const int WaitTimeout = 258;

        public virtual bool WaitOne(int millisecondsTimeout, bool exitContext) { throw null; }

        public virtual bool WaitOne() { throw null; }

        public static bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext) { throw null; }

        public static bool WaitAll(WaitHandle[] waitHandles) { throw null; }

        public static int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext) { throw null; }

        public static int WaitAny(WaitHandle[] waitHandles) { throw null; }
    }
}
