using System;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Device.Platform
{
    /// <summary>
    /// Log lines to the debugger/serial console. Console rather than Debug.WriteLine because Debug's methods
    /// are [Conditional("DEBUG")] and vanish from a Release build, which is what gets flashed.
    /// </summary>
    public sealed class ConsoleLogSink : ILogSink
    {
        private readonly object _sync = new object();

        public void Write(string source, string line)
        {
            lock (_sync)
            {
                Console.WriteLine("[" + source + "] " + line);
            }
        }
    }
}
