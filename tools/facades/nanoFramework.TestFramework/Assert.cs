// Mirrors nanoFramework.TestFramework 3.0.80 (nanoFramework.TestFramework), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

using System;

namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        public Assert() { throw null; }

        public static void AreNotSame(object notExpected, object actual, string message = "") { throw null; }

        public static void AreSame(object expected, object actual, string message = "") { throw null; }

        public static void Contains(string expected, string value, string message = "") { throw null; }

        public static void DoesNotContains(string notExpected, string value, string message = "") { throw null; }

        public static void EndsWith(string expected, string value, string message = "") { throw null; }

        public static void IsFalse(bool condition, string message = "") { throw null; }

        public static void IsInstanceOfType(object value, Type expected, string message = "") { throw null; }

        public static void IsNotInstanceOfType(object value, Type notExpected, string message = "") { throw null; }

        public static void IsNotNull(object value, string message = "") { throw null; }

        public static void IsNull(object value, string message = "") { throw null; }

        public static void IsTrue(bool condition, string message = "") { throw null; }

        public static void SkipTest(string message = null) { throw null; }

        public static void StartsWith(string expected, string value, string message = "") { throw null; }

        public static void ThrowsException(Type exception, System.Action action, string message = "") { throw null; }
    }
}
