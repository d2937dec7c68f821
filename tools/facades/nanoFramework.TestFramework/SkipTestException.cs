// Mirrors nanoFramework.TestFramework 3.0.80 (nanoFramework.TestFramework), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

using System;

namespace nanoFramework.TestFramework
{
    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null) { throw null; }
    }
}
