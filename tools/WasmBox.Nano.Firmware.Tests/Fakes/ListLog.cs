using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Firmware.Tests.Fakes;

/// <summary>The console log, kept as lines.</summary>
internal sealed class ListLog : ILogSink
{
    public List<string> Lines { get; } = [];

    public void Write(string source, string line) => Lines.Add(source + ": " + line);
}
