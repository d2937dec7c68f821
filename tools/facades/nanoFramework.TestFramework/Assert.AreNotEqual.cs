// Mirrors nanoFramework.TestFramework 3.0.80 (nanoFramework.TestFramework), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

using System;

namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        public static void AreNotEqual(bool notExpected, bool actual, string message = "") { throw null; }

        public static void AreNotEqual(byte notExpected, byte actual, string message = "") { throw null; }

        public static void AreNotEqual(char notExpected, char actual, string message = "") { throw null; }

        public static void AreNotEqual(DateTime notExpected, DateTime actual, string message = "") { throw null; }

        public static void AreNotEqual(double notExpected, double actual, string message = "") { throw null; }

        public static void AreNotEqual(float notExpected, float actual, string message = "") { throw null; }

        public static void AreNotEqual(long notExpected, long actual, string message = "") { throw null; }

        public static void AreNotEqual(int notExpected, int actual, string message = "") { throw null; }

        public static void AreNotEqual(object notExpected, object actual, string message = "") { throw null; }

        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "") { throw null; }

        public static void AreNotEqual(short notExpected, short actual, string message = "") { throw null; }

        public static void AreNotEqual(string notExpected, string actual, string message = "") { throw null; }

        public static void AreNotEqual(uint notExpected, uint actual, string message = "") { throw null; }

        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "") { throw null; }

        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "") { throw null; }
    }
}
