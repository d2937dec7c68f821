using System.Net;
using System.Net.Sockets;

namespace WasmBox.Nano.TestSupport;

/// <summary>A TCP port on 127.0.0.1 that nothing listened on a moment ago, for a peer a test starts.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
