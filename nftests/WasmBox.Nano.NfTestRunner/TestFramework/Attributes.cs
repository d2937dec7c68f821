using System;

// Host implementation of the attributes of nanoFramework.TestFramework 3.0.80 (same names,
// namespaces and signatures), so the device test sources compile unchanged on .NET.
namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class whose test methods the launcher runs.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        /// <summary>Extension point of the real API: the attribute a method runs with.</summary>
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute)
        {
            return testMethodAttribute;
        }
    }

    /// <summary>Marks a test method.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Runs once before the tests of its class; skipping it skips the class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    /// <summary>Runs once after all the tests of its class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    /// <summary>One set of arguments for a parameterised test; each row is its own test.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null)
            {
                throw new ArgumentNullException(nameof(methodParameters), "methodParameters can not be null");
            }
            if (methodParameters.Length == 0)
            {
                throw new ArgumentException("methodParameters can not be empty", nameof(methodParameters));
            }
            MethodParameters = methodParameters;
        }

        /// <summary>The arguments, passed to the method as they are (no conversions).</summary>
        public object[] MethodParameters { get; }
    }
}
