// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() { throw null; }

        public ArgumentNullException(string paramName) { throw null; }

        public ArgumentNullException(string message, Exception innerException) { throw null; }

        public ArgumentNullException(string paramName, string message) { throw null; }

        public static void ThrowIfNull(object argument, string paramName = null) { throw null; }
    }
}
