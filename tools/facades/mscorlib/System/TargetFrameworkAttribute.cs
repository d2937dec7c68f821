// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Runtime.Versioning
{
    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class TargetFrameworkAttribute : Attribute
    {
        public TargetFrameworkAttribute(string frameworkName) { throw null; }

        public string FrameworkName { get { throw null; } }

        public string FrameworkDisplayName { get { throw null; } set { throw null; } }
    }
}
