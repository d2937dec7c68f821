// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Runtime.CompilerServices
{
    public static class RuntimeHelpers
    {
        public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle) { throw null; }

        public static object GetObjectValue(object obj) { throw null; }

        public static void RunClassConstructor(RuntimeTypeHandle type) { throw null; }

        public static int OffsetToStringData { get { throw null; } }
    }
}
