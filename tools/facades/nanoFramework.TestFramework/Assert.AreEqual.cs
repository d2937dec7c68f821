// Mirrors nanoFramework.TestFramework 3.0.80 (nanoFramework.TestFramework), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

using System;

namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") { throw null; }

        public static void AreEqual(byte expected, byte actual, string message = "") { throw null; }

        public static void AreEqual(char expected, char actual, string message = "") { throw null; }

        public static void AreEqual(DateTime expected, DateTime actual, string message = "") { throw null; }

        public static void AreEqual(double expected, double actual, string message = "") { throw null; }

        public static void AreEqual(float expected, float actual, string message = "") { throw null; }

        public static void AreEqual(int expected, int actual, string message = "") { throw null; }

        public static void AreEqual(long expected, long actual, string message = "") { throw null; }

        public static void AreEqual(object expected, object actual, string message = "") { throw null; }

        public static void AreEqual(sbyte expected, sbyte actual, string message = "") { throw null; }

        public static void AreEqual(short expected, short actual, string message = "") { throw null; }

        public static void AreEqual(string expected, string actual, string message = "") { throw null; }

        public static void AreEqual(uint expected, uint actual, string message = "") { throw null; }

        public static void AreEqual(ulong expected, ulong actual, string message = "") { throw null; }

        public static void AreEqual(ushort expected, ushort actual, string message = "") { throw null; }
    }
}
