// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public class AppDomainUnloadedException : SystemException
    {
        public AppDomainUnloadedException() { throw null; }

        public AppDomainUnloadedException(string message) { throw null; }

        public AppDomainUnloadedException(string message, Exception innerException) { throw null; }
    }
}
