#nullable enable
using System.IO;

namespace WasmBox.Nano.NfTestRunner
{
    /// <summary>Prints a line per test outcome and counts them.</summary>
    internal sealed class TestReport
    {
        private readonly TextWriter _output;

        public TestReport(TextWriter output)
        {
            _output = output;
        }

        public int Passed { get; private set; }

        public int Failed { get; private set; }

        public int Skipped { get; private set; }

        public void Pass(string test)
        {
            Passed++;
            _output.WriteLine("PASS " + test);
        }

        public void Fail(string test, string message)
        {
            Failed++;
            _output.WriteLine("FAIL " + test + ": " + OneLine(message));
        }

        public void Skip(string test, string reason)
        {
            Skipped++;
            _output.WriteLine("SKIP " + test + ": " + OneLine(reason));
        }

        /// <summary>Keeps each result on its own line; some assertion messages span several.</summary>
        private static string OneLine(string text)
        {
            return text.ReplaceLineEndings(" | ");
        }

        public void WriteSummary()
        {
            _output.WriteLine("nftests: " + Passed + " passed, " + Failed + " failed, " + Skipped + " skipped");
        }
    }
}
