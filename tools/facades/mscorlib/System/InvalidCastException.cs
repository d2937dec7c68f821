// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public class InvalidCastException : SystemException
    {
        public InvalidCastException() { throw null; }

        public InvalidCastException(string message) { throw null; }

        public InvalidCastException(string message, Exception innerException) { throw null; }
    }
}
