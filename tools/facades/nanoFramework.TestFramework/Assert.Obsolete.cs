// Mirrors nanoFramework.TestFramework 3.0.80 (nanoFramework.TestFramework), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

using System;
using System.Collections;

namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        [Obsolete("This method is deprecated and will be removed in a future version. Use the method with the same name in CollectionAssert class.")]
        public static void Empty(ICollection collection, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(Array expected, Array actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(bool expected, bool actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(byte expected, byte actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(char expected, char actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(DateTime expected, DateTime actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(double expected, double actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(float expected, float actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(int expected, int actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(long expected, long actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(sbyte expected, sbyte actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(short expected, short actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(string expected, string actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(uint expected, uint actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(ulong expected, ulong actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(ushort expected, ushort actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsFalse.")]
        public static void False(bool condition, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsNotInstanceOfType.")]
        public static void IsNotType(Type wrongType, object value, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsInstanceOfType.")]
        public static void IsType(Type expectedType, object value, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the method with the same name in CollectionAssert class.")]
        public static void NotEmpty(ICollection collection, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(Array notExpected, Array actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(bool notExpected, bool actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(byte notExpected, byte actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(char notExpected, char actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(DateTime notExpected, DateTime actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(double notExpected, double actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(float notExpected, float actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(int notExpected, int actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(long notExpected, long actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(sbyte notExpected, sbyte actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(short notExpected, short actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(string notExpected, string actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(uint notExpected, uint actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(ulong notExpected, ulong actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(ushort notExpected, ushort actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsNotNull.")]
        public static void NotNull(object value, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotSame.")]
        public static void NotSame(object notExpected, object actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsNull.")]
        public static void Null(object value, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreSame.")]
        public static void Same(object expected, object actual, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method ThrowsException.")]
        public static void Throws(Type exceptionType, System.Action action, string message = "") { throw null; }

        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsTrue.")]
        public static void True(bool condition, string message = "") { throw null; }
    }
}
