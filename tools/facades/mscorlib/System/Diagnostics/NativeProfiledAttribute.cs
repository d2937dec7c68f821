// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Diagnostics
{
    [AttributeUsage(System.AttributeTargets.Constructor | System.AttributeTargets.Method, Inherited = false)]
    public sealed class NativeProfiledAttribute : Attribute
    {
        public NativeProfiledAttribute() { throw null; }
    }
}
