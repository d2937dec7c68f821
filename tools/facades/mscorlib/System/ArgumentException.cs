// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public class ArgumentException : SystemException
    {
        public ArgumentException() { throw null; }

        public ArgumentException(string message) { throw null; }

        public ArgumentException(string message, Exception innerException) { throw null; }

        public ArgumentException(string message, string paramName) { throw null; }

        public ArgumentException(string message, string paramName, Exception innerException) { throw null; }

        public override string Message { get { throw null; } }

        public virtual string ParamName { get { throw null; } }

        public static void ThrowIfNullOrEmpty(string argument, string paramName = null) { throw null; }
    }
}
