using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host implementation of nanoFramework.TestFramework 3.0.80's Assert (the non-obsolete
    /// members): same signatures, the same exact-type rules, and failures thrown as
    /// <see cref="AssertFailedException"/> with "Assert.Name failed. ..." messages. The
    /// message parameters default to the caller's argument text, as on the device.
    /// </summary>
    public sealed partial class Assert
    {
        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (!condition)
            {
                Fail("Assert.IsTrue", message);
            }
        }

        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (condition)
            {
                Fail("Assert.IsFalse", message);
            }
        }

        public static void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value is not null)
            {
                Fail("Assert.IsNull", message);
            }
        }

        public static void IsNotNull([NotNull] object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value is null)
            {
                Fail("Assert.IsNotNull", message);
            }
        }

        public static void AreSame(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (ReferenceEquals(expected, actual))
            {
                return;
            }
            string hint = expected is ValueType || actual is ValueType
                ? "Do not pass value types to AreSame(): boxed values are never the same object. Use AreEqual(). "
                : string.Empty;
            Fail("Assert.AreSame", hint + Text(message));
        }

        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (ReferenceEquals(notExpected, actual))
            {
                Fail("Assert.AreNotSame", message);
            }
        }

        /// <summary>Passes when the type of <paramref name="value"/> is exactly <paramref name="expected"/> (no base types).</summary>
        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            RequireArgument(expected, "Assert.IsInstanceOfType", nameof(expected));
            Type actual = value?.GetType();
            if (actual != expected)
            {
                Fail("Assert.IsInstanceOfType", "Expected type:<" + expected + ">. Actual type:<" + Text(actual) + ">. " + Text(message));
            }
        }

        public static void IsNotInstanceOfType(object value, Type notExpected, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            RequireArgument(notExpected, "Assert.IsNotInstanceOfType", nameof(notExpected));
            if (value is not null && value.GetType() == notExpected)
            {
                Fail("Assert.IsNotInstanceOfType", "Wrong type:<" + notExpected + ">. Actual type:<" + value.GetType() + ">. " + Text(message));
            }
        }

        public static void Contains(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            RequireArgument(expected, "Assert.Contains", nameof(expected));
            RequireArgument(value, "Assert.Contains", nameof(value));
            if (!value.Contains(expected, StringComparison.Ordinal))
            {
                Fail("Assert.Contains", "'" + value + "' does not contain '" + expected + "'. " + Text(message));
            }
        }

        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            RequireArgument(notExpected, "Assert.DoesNotContains", nameof(notExpected));
            RequireArgument(value, "Assert.DoesNotContains", nameof(value));
            if (value.Contains(notExpected, StringComparison.Ordinal))
            {
                Fail("Assert.DoesNotContains", "'" + value + "' should not contain '" + notExpected + "'. " + Text(message));
            }
        }

        public static void StartsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            RequireArgument(expected, "Assert.StartsWith", nameof(expected));
            RequireArgument(value, "Assert.StartsWith", nameof(value));
            if (!value.StartsWith(expected, StringComparison.Ordinal))
            {
                Fail("Assert.StartsWith", "'" + value + "' does not start with '" + expected + "'. " + Text(message));
            }
        }

        public static void EndsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            RequireArgument(expected, "Assert.EndsWith", nameof(expected));
            RequireArgument(value, "Assert.EndsWith", nameof(value));
            if (!value.EndsWith(expected, StringComparison.Ordinal))
            {
                Fail("Assert.EndsWith", "'" + value + "' does not end with '" + expected + "'. " + Text(message));
            }
        }

        /// <summary>Passes only when <paramref name="action"/> throws exactly <paramref name="exception"/> (not a subclass).</summary>
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression(nameof(action))] string message = "")
        {
            RequireArgument(action, "Assert.ThrowsException", nameof(action));
            RequireArgument(exception, "Assert.ThrowsException", nameof(exception));
            try
            {
                action();
            }
            catch (Exception thrown)
            {
                if (thrown.GetType() == exception)
                {
                    return;
                }
                Fail("Assert.ThrowsException", "Threw exception " + thrown.GetType().Name + ", but exception " + exception.Name
                    + " was expected. " + Text(message) + "\r\nException Message: " + thrown.Message);
            }
            Fail("Assert.ThrowsException", "No exception thrown. " + exception.Name + " exception was expected. " + Text(message));
        }

        /// <summary>Ends the test as skipped.</summary>
        [DoesNotReturn]
        public static void SkipTest(string message = null)
        {
            throw new SkipTestException(message);
        }

        /// <summary>Throws the failure of <paramref name="assertion"/> ("Assert.IsTrue" ...).</summary>
        [DoesNotReturn]
        internal static void Fail(string assertion, string message)
        {
            throw new AssertFailedException(assertion + " failed. " + (string.IsNullOrEmpty(message) ? string.Empty : Text(message)));
        }

        internal static void RequireArgument(object value, string assertion, string parameter)
        {
            if (value is null)
            {
                Fail(assertion, "The parameter '" + parameter + "' is invalid. The value cannot be null.");
            }
        }

        /// <summary>How values appear in failure messages: "(null)" for null and NUL characters escaped.</summary>
        internal static string Text(object value)
        {
            if (value is null)
            {
                return "(null)";
            }
            string text = value.ToString() ?? "(object)";
            return text.Replace("\0", "\\0", StringComparison.Ordinal);
        }
    }
}
