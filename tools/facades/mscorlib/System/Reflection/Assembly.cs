// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

using System.Globalization;

namespace System.Reflection
{
    public sealed class AssemblyName
    {
        internal AssemblyName() { throw null; }

        public string Name { get { throw null; } }

        public string FullName { get { throw null; } }

        public Version Version { get { throw null; } }
    }

    public class Assembly
    {
        public Assembly() { throw null; }

        public virtual string FullName { get { throw null; } }

        public static Assembly GetExecutingAssembly() { throw null; }

        public AssemblyName GetName() { throw null; }

        public static Assembly GetAssembly(Type type) { throw null; }

        public virtual Type GetType(string name) { throw null; }

        public virtual Type GetType(string name, bool throwOnError) { throw null; }

        public virtual Type[] GetTypes() { throw null; }

        public Assembly GetSatelliteAssembly(CultureInfo culture) { throw null; }

        public static Assembly Load(string assemblyString) { throw null; }

        public static Assembly Load(byte[] rawAssembly) { throw null; }
    }
}
