// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Reflection
{
    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyCultureAttribute : Attribute
    {
        public AssemblyCultureAttribute(string culture) { throw null; }

        public string Culture { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyVersionAttribute : Attribute
    {
        public AssemblyVersionAttribute(string version) { throw null; }

        public string Version { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyKeyFileAttribute : Attribute
    {
        public AssemblyKeyFileAttribute(string keyFile) { throw null; }

        public string KeyFile { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyKeyNameAttribute : Attribute
    {
        public AssemblyKeyNameAttribute(string keyName) { throw null; }

        public string KeyName { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyDelaySignAttribute : Attribute
    {
        public AssemblyDelaySignAttribute(bool delaySign) { throw null; }

        public bool DelaySign { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyFlagsAttribute : Attribute
    {
        public AssemblyFlagsAttribute(uint flags) { throw null; }

        public uint Flags { get { throw null; } }

        public AssemblyFlagsAttribute(AssemblyNameFlags assemblyFlags) { throw null; }
    }

    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyFileVersionAttribute : Attribute
    {
        public AssemblyFileVersionAttribute(string version) { throw null; }

        public string Version { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly | System.AttributeTargets.Class, Inherited = false)]
    public sealed class AssemblyNativeVersionAttribute : Attribute
    {
        public AssemblyNativeVersionAttribute(string version) { throw null; }

        public string NativeVersion { get { throw null; } }
    }
}
