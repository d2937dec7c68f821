// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public struct Double
    {
        public const double MinValue = -1.7976931348623157E+308D;

        public const double MaxValue = 1.7976931348623157E+308D;

        public const double Epsilon = 5E-324D;

        public const double NegativeInfinity = -1.0 / 0.0;

        public const double PositiveInfinity = 1.0 / 0.0;

        public const double NaN = 0.0 / 0.0;

        public int CompareTo(double value) { throw null; }

        public static bool IsInfinity(double d) { throw null; }

        public static bool IsNaN(double d) { throw null; }

        public static bool IsNegativeInfinity(double d) { throw null; }

        public static bool IsPositiveInfinity(double d) { throw null; }

        public static double Parse(string s) { throw null; }

        public override string ToString() { throw null; }

        public string ToString(string format) { throw null; }

        public static bool TryParse(string s, out double result) { throw null; }
    }
}
