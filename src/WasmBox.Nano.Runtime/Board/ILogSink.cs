namespace WasmBox.Nano.Runtime.Board
{
    /// <summary>Where the print and log helpers' lines go (serial console, simulator view).</summary>
    public interface ILogSink
    {
        void Write(string source, string line);
    }
}
