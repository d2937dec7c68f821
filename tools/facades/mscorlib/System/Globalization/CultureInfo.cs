// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Globalization
{
    public class CultureInfo
    {
        public CultureInfo(string name) { throw null; }

        public static CultureInfo CurrentUICulture { get { throw null; } }

        public virtual CultureInfo Parent { get { throw null; } }

        public virtual string Name { get { throw null; } }

        public override string ToString() { throw null; }

        public virtual NumberFormatInfo NumberFormat { get { throw null; } }

        public virtual DateTimeFormatInfo DateTimeFormat { get { throw null; } }
    }
}
