// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Diagnostics
{
    [AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Struct | System.AttributeTargets.Constructor | System.AttributeTargets.Method, Inherited = false)]
    public sealed class DebuggerStepThroughAttribute : Attribute
    {
        public DebuggerStepThroughAttribute() { throw null; }
    }

    [AttributeUsage(System.AttributeTargets.Constructor | System.AttributeTargets.Method, Inherited = false)]
    public sealed class DebuggerStepperBoundaryAttribute : Attribute
    {
        public DebuggerStepperBoundaryAttribute() { throw null; }
    }

    [AttributeUsage(System.AttributeTargets.Constructor | System.AttributeTargets.Method | System.AttributeTargets.Property, Inherited = false)]
    public sealed class DebuggerHiddenAttribute : Attribute
    {
        public DebuggerHiddenAttribute() { throw null; }
    }

    [AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Struct | System.AttributeTargets.Constructor | System.AttributeTargets.Method | System.AttributeTargets.Property, Inherited = false)]
    public sealed class DebuggerNonUserCodeAttribute : Attribute
    {
        public DebuggerNonUserCodeAttribute() { throw null; }
    }

    [AttributeUsage(System.AttributeTargets.Assembly | System.AttributeTargets.Module)]
    public sealed class DebuggableAttribute : Attribute
    {
        public DebuggableAttribute(bool isJITTrackingEnabled, bool isJITOptimizerDisabled) { throw null; }

        public DebuggableAttribute(DebuggableAttribute.DebuggingModes modes) { throw null; }

        public bool IsJITTrackingEnabled { get { throw null; } }

        public bool IsJITOptimizerDisabled { get { throw null; } }

        public DebuggableAttribute.DebuggingModes DebuggingFlags { get { throw null; } }

        [Flags]
        public enum DebuggingModes
        {
            None = 0,
            Default = 1,
            DisableOptimizations = 256,
            IgnoreSymbolStoreSequencePoints = 2,
            EnableEditAndContinue = 4,
        }
    }

    public enum DebuggerBrowsableState
    {
        Never = 0,
        Collapsed = 2,
        RootHidden = 3,
    }

    [AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field)]
    public sealed class DebuggerBrowsableAttribute : Attribute
    {
        public DebuggerBrowsableAttribute(DebuggerBrowsableState state) { throw null; }

        public DebuggerBrowsableState State { get { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly | System.AttributeTargets.Class | System.AttributeTargets.Struct, AllowMultiple = true)]
    public sealed class DebuggerTypeProxyAttribute : Attribute
    {
        public DebuggerTypeProxyAttribute(Type type) { throw null; }

        public DebuggerTypeProxyAttribute(string typeName) { throw null; }

        public string ProxyTypeName { get { throw null; } }

        public Type Target { get { throw null; } set { throw null; } }

        public string TargetTypeName { get { throw null; } set { throw null; } }
    }

    [AttributeUsage(System.AttributeTargets.Assembly | System.AttributeTargets.Class | System.AttributeTargets.Struct | System.AttributeTargets.Enum | System.AttributeTargets.Property | System.AttributeTargets.Field | System.AttributeTargets.Delegate, AllowMultiple = true)]
    public sealed class DebuggerDisplayAttribute : Attribute
    {
        public DebuggerDisplayAttribute(string value) { throw null; }

        public string Value { get { throw null; } }

        public string Name { get { throw null; } set { throw null; } }

        public string Type { get { throw null; } set { throw null; } }

        public Type Target { get { throw null; } set { throw null; } }

        public string TargetTypeName { get { throw null; } set { throw null; } }
    }
}
