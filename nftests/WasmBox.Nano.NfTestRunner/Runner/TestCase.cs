#nullable enable
using System;
using System.Globalization;
using System.Reflection;

namespace WasmBox.Nano.NfTestRunner
{
    /// <summary>One invocation the launcher makes: a method and, for a [DataRow], its arguments.</summary>
    internal sealed class TestCase
    {
        public TestCase(Type testClass, MethodInfo method, object?[]? arguments)
        {
            Method = method;
            Arguments = arguments;
            Name = testClass.Name + "." + method.Name + (arguments == null ? string.Empty : "(" + Describe(arguments) + ")");
        }

        /// <summary>"Class.Method", or "Class.Method(arg, ...)" for a data row.</summary>
        public string Name { get; }

        public MethodInfo Method { get; }

        /// <summary>The data row's values, or null: the launcher passes null for plain methods.</summary>
        public object?[]? Arguments { get; }

        private static string Describe(object?[] arguments)
        {
            string[] parts = new string[arguments.Length];
            for (int i = 0; i < arguments.Length; i++)
            {
                object? value = arguments[i];
                parts[i] = value switch
                {
                    null => "null",
                    string text => "\"" + text + "\"",
                    IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString() ?? value.GetType().Name,
                };
            }
            return string.Join(", ", parts);
        }
    }
}
