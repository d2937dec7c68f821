// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() { throw null; }

        public InvalidOperationException(string message) { throw null; }

        public InvalidOperationException(string message, Exception innerException) { throw null; }
    }
}
