using System.Collections;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host implementation of CollectionAssert: collections are equal when they are the same
    /// reference (both null included) or have the same count and pairwise object.Equals items.
    /// </summary>
    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "")
        {
            Assert.RequireArgument(collection, "CollectionAssert.Empty", nameof(collection));
            if (collection.Count != 0)
            {
                Assert.Fail("CollectionAssert.Empty", message);
            }
        }

        public static void NotEmpty(ICollection collection, string message = "")
        {
            Assert.RequireArgument(collection, "CollectionAssert.NotEmpty", nameof(collection));
            if (collection.Count == 0)
            {
                Assert.Fail("CollectionAssert.NotEmpty", message);
            }
        }

        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            string reason;
            if (!SameItems(expected, actual, out reason))
            {
                Assert.Fail("CollectionAssert.AreEqual", message + "(" + reason + ")");
            }
        }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            string reason;
            if (SameItems(notExpected, actual, out reason))
            {
                Assert.Fail("CollectionAssert.AreNotEqual", message + "(" + reason + ")");
            }
        }

        private static bool SameItems(ICollection expected, ICollection actual, out string reason)
        {
            if (ReferenceEquals(expected, actual))
            {
                reason = "Both collection references point to the same collection object. ";
                return true;
            }
            if (expected is null || actual is null)
            {
                reason = string.Empty;
                return false;
            }
            if (expected.Count != actual.Count)
            {
                reason = "Different number of elements.";
                return false;
            }
            IEnumerator left = expected.GetEnumerator();
            IEnumerator right = actual.GetEnumerator();
            for (int index = 0; left.MoveNext() && right.MoveNext(); index++)
            {
                if (!Equals(left.Current, right.Current))
                {
                    reason = "Element at index " + index + " do not match. Expected:<" + left.Current + ">. Actual:<" + right.Current + ">.";
                    return false;
                }
            }
            reason = "Both collection contain same elements.";
            return true;
        }
    }
}
