namespace WasmBox.Nano.Sim.Session;

/// <summary>Turns Ctrl+C into a cancellation while it is alive, so a run ends with its summary instead of dying.</summary>
public sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public CtrlC()
    {
        Console.CancelKeyPress += OnCancel;
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _source.Dispose();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _source.Cancel();
    }
}
