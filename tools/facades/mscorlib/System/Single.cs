// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public struct Single
    {
        public const float MinValue = -3.4028235E+38F;

        public const float Epsilon = 1E-45F;

        public const float MaxValue = 3.4028235E+38F;

        public const float NegativeInfinity = -1.0F / 0.0F;

        public const float PositiveInfinity = 1.0F / 0.0F;

        public const float NaN = 0.0F / 0.0F;

        public static bool IsInfinity(float f) { throw null; }

        public static bool IsNaN(float f) { throw null; }

        public static bool IsNegativeInfinity(float f) { throw null; }

        public static bool IsPositiveInfinity(float f) { throw null; }

        public int CompareTo(float value) { throw null; }

        public static float Parse(string s) { throw null; }

        public override string ToString() { throw null; }

        public string ToString(string format) { throw null; }

        public static bool TryParse(string s, out float result) { throw null; }
    }
}
