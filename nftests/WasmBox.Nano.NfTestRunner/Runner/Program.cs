#nullable enable
using System;
using System.Reflection;

namespace WasmBox.Nano.NfTestRunner
{
    /// <summary>
    /// Entry point: runs every nftests suite compiled into this assembly, prints one line per
    /// test and the summary line "nftests: N passed, N failed, N skipped". Exit code 1 when a
    /// test failed or none ran, 2 on bad arguments.
    /// </summary>
    public static class Program
    {
        private const string Usage = "usage: WasmBox.Nano.NfTestRunner [--filter <text in test class full name>]";

        public static int Main(string[] args)
        {
            string? filter = null;
            if (args.Length == 2 && args[0] == "--filter" && args[1].Length > 0)
            {
                filter = args[1];
            }
            else if (args.Length != 0)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            TestReport report = new TestReport(Console.Out);
            new TestLauncher(report, filter).Run(Assembly.GetExecutingAssembly());
            if (report.Passed + report.Failed == 0)
            {
                Console.Error.WriteLine(filter == null
                    ? "nftests: no test ran"
                    : "nftests: no test ran; does a [TestClass] name contain '" + filter + "'?");
            }
            report.WriteSummary();
            return report.Failed > 0 || report.Passed + report.Failed == 0 ? 1 : 0;
        }
    }
}
