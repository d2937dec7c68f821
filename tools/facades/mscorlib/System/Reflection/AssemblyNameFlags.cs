// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Reflection
{
    [Flags]
    public enum AssemblyNameFlags
    {
        None = 0,
        PublicKey = 1,
        EnableJITcompileOptimizer = 16384,
        EnableJITcompileTracking = 32768,
        Retargetable = 256,
    }

    public enum ProcessorArchitecture
    {
        None = 0,
        MSIL = 1,
        X86 = 2,
        IA64 = 3,
        Amd64 = 4,
    }
}
