namespace WasmBox.Nano.Coap.Host;

/// <summary>
/// A thread that drives a portable <see cref="CoapServer"/> over any <see cref="IUdpEndpoint"/>.
/// Register resources on <see cref="Server"/> before <see cref="Start"/>: the server is single-threaded.
/// </summary>
public sealed class CoapServerLoop : IDisposable
{
    const int PollMilliseconds = 100;
    readonly Thread _thread;
    volatile bool _stopping;

    public CoapServerLoop(IUdpEndpoint endpoint, CoapServerOptions? options = null)
    {
        Server = new CoapServer(endpoint, options ?? new CoapServerOptions());
        _thread = new Thread(Run) { IsBackground = true, Name = "coap-server" };
    }

    public CoapServer Server { get; }

    /// <summary>The endpoint failure that stopped the loop, or null while it runs.</summary>
    public Exception? Fault { get; private set; }

    public void Start() => _thread.Start();

    void Run()
    {
        try
        {
            while (!_stopping) Server.PollOnce(PollMilliseconds);
        }
        catch (Exception e) when (!_stopping)
        {
            // The portable server does not throw; a failing socket cannot recover, so stop and say why.
            Fault = e;
        }
        catch (ObjectDisposedException)
        {
            // The endpoint was closed while stopping.
        }
    }

    /// <summary>Stops the loop after at most one poll interval; the endpoint stays the caller's.</summary>
    public void Dispose()
    {
        _stopping = true;
        if (_thread.IsAlive) _thread.Join();
    }
}
