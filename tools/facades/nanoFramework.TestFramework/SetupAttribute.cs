// Mirrors nanoFramework.TestFramework 3.0.80 (nanoFramework.TestFramework), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

using System;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(System.AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
        public SetupAttribute() { throw null; }
    }
}
