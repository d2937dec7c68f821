// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public class OutOfMemoryException : SystemException
    {
        public OutOfMemoryException() { throw null; }

        public OutOfMemoryException(string message) { throw null; }

        public OutOfMemoryException(string message, Exception innerException) { throw null; }
    }
}
