// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Threading
{
    public sealed class Thread
    {
        public Thread(ThreadStart start) { throw null; }

        public void Start() { throw null; }

        public void Abort() { throw null; }

        public void Suspend() { throw null; }

        public void Resume() { throw null; }

        public ThreadPriority Priority { get { throw null; } set { throw null; } }

        public int ManagedThreadId { get { throw null; } }

        public bool IsAlive { get { throw null; } }

        public void Join() { throw null; }

        public bool Join(int millisecondsTimeout) { throw null; }

        public bool Join(TimeSpan timeout) { throw null; }

        public static void Sleep(int millisecondsTimeout) { throw null; }

        public static void Sleep(TimeSpan timeout) { throw null; }

        public static void SpinWait(int iterations) { throw null; }

        public static Thread CurrentThread { get { throw null; } }

        public ThreadState ThreadState { get { throw null; } }
    }
}
