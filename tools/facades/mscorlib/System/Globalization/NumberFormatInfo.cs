// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Globalization
{
    public sealed class NumberFormatInfo
    {
        internal NumberFormatInfo() { throw null; }

        public int[] NumberGroupSizes { get { throw null; } }

        public static NumberFormatInfo CurrentInfo { get { throw null; } }

        public string NegativeSign { get { throw null; } }

        public string NumberDecimalSeparator { get { throw null; } }

        public string NumberGroupSeparator { get { throw null; } }

        public string PositiveSign { get { throw null; } }
    }
}
