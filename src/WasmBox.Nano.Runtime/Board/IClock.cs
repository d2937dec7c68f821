namespace WasmBox.Nano.Runtime.Board
{
    /// <summary>Monotonic milliseconds since boot (nanoFramework has no DateTime.Now).</summary>
    public interface IClock
    {
        long NowMs { get; }
    }
}
