// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public class Exception
    {
        protected int HResult;

        public Exception() { throw null; }

        public Exception(string message) { throw null; }

        public Exception(string message, Exception innerException) { throw null; }

        public virtual string Message { get { throw null; } }

        public Exception InnerException { get { throw null; } }

        public virtual string StackTrace { get { throw null; } }

        public override string ToString() { throw null; }
    }
}
