// Mirrors nanoFramework.TestFramework 3.0.80 (nanoFramework.TestFramework), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

using System;

namespace nanoFramework.TestFramework
{
    public static class TestExtensions
    {
        public static bool SequenceEqual(this Array a, Array b) { throw null; }
    }
}
