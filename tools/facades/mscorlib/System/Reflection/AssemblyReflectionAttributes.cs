// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Reflection
{
    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyCopyrightAttribute : Attribute
    {
        public AssemblyCopyrightAttribute(string copyright) { throw null; }

        public string Copyright { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyTrademarkAttribute : Attribute
    {
        public AssemblyTrademarkAttribute(string trademark) { throw null; }

        public string Trademark { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyProductAttribute : Attribute
    {
        public AssemblyProductAttribute(string product) { throw null; }

        public string Product { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyCompanyAttribute : Attribute
    {
        public AssemblyCompanyAttribute(string company) { throw null; }

        public string Company { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyDescriptionAttribute : Attribute
    {
        public AssemblyDescriptionAttribute(string description) { throw null; }

        public string Description { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyTitleAttribute : Attribute
    {
        public AssemblyTitleAttribute(string title) { throw null; }

        public string Title { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyConfigurationAttribute : Attribute
    {
        public AssemblyConfigurationAttribute(string configuration) { throw null; }

        public string Configuration { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyDefaultAliasAttribute : Attribute
    {
        public AssemblyDefaultAliasAttribute(string defaultAlias) { throw null; }

        public string DefaultAlias { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class AssemblyInformationalVersionAttribute : Attribute
    {
        public AssemblyInformationalVersionAttribute(string informationalVersion) { throw null; }

        public string InformationalVersion { get { throw null; } }
    }
}
