// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public class NotSupportedException : SystemException
    {
        public NotSupportedException() { throw null; }

        public NotSupportedException(string message) { throw null; }

        public NotSupportedException(string message, Exception innerException) { throw null; }
    }
}
