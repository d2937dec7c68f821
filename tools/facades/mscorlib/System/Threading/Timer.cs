// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Threading
{
    public delegate void TimerCallback(object state);

    public sealed class Timer : MarshalByRefObject, IDisposable
    {
        public Timer(TimerCallback callback, object state, int dueTime, int period) { throw null; }

        public Timer(TimerCallback callback, object state, TimeSpan dueTime, TimeSpan period) { throw null; }

        public bool Change(int dueTime, int period) { throw null; }

        public bool Change(TimeSpan dueTime, TimeSpan period) { throw null; }

        public void Dispose() { throw null; }
    }
}
