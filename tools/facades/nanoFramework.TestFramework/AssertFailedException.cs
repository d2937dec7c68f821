// Mirrors nanoFramework.TestFramework 3.0.80 (nanoFramework.TestFramework), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

using System;

namespace TestFrameworkShared
{
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string msg, Exception ex) { throw null; }

        public AssertFailedException(string msg) { throw null; }

        public AssertFailedException() { throw null; }
    }
}
