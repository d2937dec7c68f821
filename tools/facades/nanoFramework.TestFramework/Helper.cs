// Mirrors nanoFramework.TestFramework 3.0.80 (nanoFramework.TestFramework), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace nanoFramework.TestFramework
{
    public static class Helper
    {
        public static object[] RemoveTestMethodIfDataRowExists(object[] attribs) { throw null; }
    }
}
