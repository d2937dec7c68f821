// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Runtime.Remoting
{
    public static class RemotingServices
    {
        public static bool IsTransparentProxy(object proxy) { throw null; }
    }
}
