#nullable enable
using System;
using System.Collections.Generic;
using System.Reflection;
using nanoFramework.TestFramework;
using TestFrameworkShared;

namespace WasmBox.Nano.NfTestRunner
{
    /// <summary>
    /// Reproduces nanoFramework's UnitTestLauncher: classes carrying exactly [TestClass], in
    /// assembly order; per class, once each and in this order, every [Setup] method, every
    /// [TestMethod], every [DataRow] row (a method with rows never runs plainly), every
    /// [Cleanup] method. A failing Setup is reported and the class goes on; a skipped Setup
    /// stops the class, and the test adapter then reports its other tests as skipped, as here.
    /// Setup and Cleanup count as tests, as they do in the adapter's test list.
    /// </summary>
    internal sealed class TestLauncher
    {
        private static readonly Type[] Phases =
        {
            typeof(SetupAttribute), typeof(TestMethodAttribute), typeof(DataRowAttribute), typeof(CleanupAttribute),
        };

        private readonly TestReport _report;
        private readonly string? _filter;

        public TestLauncher(TestReport report, string? filter)
        {
            _report = report;
            _filter = filter;
        }

        public void Run(Assembly assembly)
        {
            foreach (Type type in assembly.GetTypes())
            {
                if (type.IsClass && IsTestClass(type) && (_filter == null || (type.FullName ?? type.Name).Contains(_filter, StringComparison.Ordinal)))
                {
                    RunClass(type);
                }
            }
        }

        private static bool IsTestClass(Type type)
        {
            foreach (object attribute in type.GetCustomAttributes(true))
            {
                if (attribute.GetType() == typeof(TestClassAttribute))
                {
                    return true;
                }
            }
            return false;
        }

        private void RunClass(Type type)
        {
            MethodInfo[] methods = type.GetMethods();
            string? skippedSetup = null;
            foreach (Type phase in Phases)
            {
                foreach (TestCase test in CasesOf(type, methods, phase))
                {
                    if (skippedSetup != null)
                    {
                        _report.Skip(test.Name, "setup " + skippedSetup + " was skipped");
                    }
                    else if (!RunCase(test) && phase == typeof(SetupAttribute))
                    {
                        skippedSetup = test.Name;
                    }
                }
            }
        }

        /// <summary>The cases of one phase: one per matching attribute, in declaration order.</summary>
        private static List<TestCase> CasesOf(Type type, MethodInfo[] methods, Type phase)
        {
            List<TestCase> cases = new List<TestCase>();
            foreach (MethodInfo method in methods)
            {
                foreach (object attribute in Helper.RemoveTestMethodIfDataRowExists(method.GetCustomAttributes(true)))
                {
                    if (attribute.GetType() == phase)
                    {
                        object?[]? arguments = attribute is DataRowAttribute row ? row.MethodParameters : null;
                        cases.Add(new TestCase(type, method, arguments));
                    }
                }
            }
            return cases;
        }

        /// <summary>Runs and reports one case; false when it was skipped.</summary>
        private bool RunCase(TestCase test)
        {
            string? mismatch = NullInstanceInvoker.Mismatch(test.Method, test.Arguments);
            if (mismatch != null)
            {
                _report.Fail(test.Name, mismatch);
                return true;
            }
            try
            {
                NullInstanceInvoker.Invoke(test.Method, test.Arguments);
                _report.Pass(test.Name);
            }
            catch (Exception ex) when (ex.GetType() == typeof(SkipTestException))
            {
                _report.Skip(test.Name, ex.Message);
                return false;
            }
            catch (AssertFailedException ex)
            {
                _report.Fail(test.Name, ex.Message);
            }
            catch (Exception ex)
            {
                _report.Fail(test.Name, ex.GetType().Name + ": " + ex.Message);
            }
            return true;
        }
    }
}
