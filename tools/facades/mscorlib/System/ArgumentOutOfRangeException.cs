// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public class ArgumentOutOfRangeException : ArgumentException
    {
        public ArgumentOutOfRangeException() { throw null; }

        public ArgumentOutOfRangeException(string paramName) { throw null; }

        public ArgumentOutOfRangeException(string paramName, string message) { throw null; }
    }
}
