// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public class NotImplementedException : SystemException
    {
        public NotImplementedException() { throw null; }

        public NotImplementedException(string message) { throw null; }

        public NotImplementedException(string message, Exception innerException) { throw null; }
    }
}
