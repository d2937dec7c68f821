// Mirrors nanoFramework.TestFramework 3.0.80 (nanoFramework.TestFramework), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

using System.Collections;

namespace nanoFramework.TestFramework
{
    public sealed class CollectionAssert
    {
        public CollectionAssert() { throw null; }

        public static void Empty(ICollection collection, string message = "") { throw null; }

        public static void NotEmpty(ICollection collection, string message = "") { throw null; }

        public static void AreEqual(ICollection expected, ICollection actual, string message = "") { throw null; }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "") { throw null; }
    }
}
