using System.Net;

namespace WasmBox.Nano.Coap.Host;

/// <summary>A portable <see cref="CoapServer"/> on its own UDP socket and receive thread.</summary>
public sealed class CoapUdpServerHost : IDisposable
{
    readonly UdpSocketEndpoint _endpoint;
    readonly CoapServerLoop _loop;

    /// <summary>Binds <paramref name="local"/>; port 0 picks a free port (see <see cref="LocalEndPoint"/>).</summary>
    public CoapUdpServerHost(IPEndPoint local, CoapServerOptions? options = null)
    {
        _endpoint = new UdpSocketEndpoint(local);
        _loop = new CoapServerLoop(_endpoint, options);
    }

    /// <summary>Register resources here before <see cref="Start"/>.</summary>
    public CoapServer Server => _loop.Server;
    public IPEndPoint LocalEndPoint => _endpoint.LocalEndPoint;

    public void Start() => _loop.Start();

    public void Dispose()
    {
        _loop.Dispose();
        _endpoint.Dispose();
    }
}
