using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Host implementation of the package's array comparison extension.</summary>
    public static class TestExtensions
    {
        /// <summary>
        /// True when both arrays have the same length and, element by element, the same type and
        /// value. As on the device, values compare by value only for the numeric, char and bool
        /// primitives (floating point with ==, so NaN differs from itself); any other element
        /// compares by reference. The device cannot compare null elements, so they are refused.
        /// </summary>
        public static bool SequenceEqual(this Array a, Array b)
        {
            if (a is null || b is null || a.Length != b.Length)
            {
                return false;
            }
            for (int i = 0; i < a.Length; i++)
            {
                object left = a.GetValue(i);
                object right = b.GetValue(i);
                if (left is null || right is null)
                {
                    throw new ArgumentException("SequenceEqual cannot compare the null element at index " + i
                        + " (nanoFramework's implementation fails on it too)");
                }
                if (left.GetType() != right.GetType() || !ElementEqual(left, right))
                {
                    return false;
                }
            }
            return true;
        }

        private static bool ElementEqual(object left, object right)
        {
            switch (left)
            {
                case double d:
                    return d == (double)right;
                case float f:
                    return f == (float)right;
                case int or uint or byte or sbyte or short or ushort or long or ulong or char or bool:
                    return left.Equals(right);
                default:
                    return ReferenceEquals(left, right);
            }
        }
    }
}
