using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using WasmBox.Nano.Coap.Host;

namespace WasmBox.Nano.Coap.Tests.Support;

/// <summary>
/// libcoap's example coap-server on 127.0.0.1 and a free port, for as long as the object lives. Its
/// resources include /example_data (PUT stores, GET returns; block-wise) and /async?N (a separate
/// response after N seconds).
/// </summary>
internal sealed class LibcoapServer : IDisposable
{
    public static string? Path { get; } = LibcoapTool.Find("coap-server", "coap-server-notls");

    public const string SkipReason = "libcoap's coap-server (Debian package libcoap3-bin) is not installed";

    readonly Process _process;

    /// <param name="extraArguments">
    /// e.g. "-l", "1,3" to lose the server's 1st and 3rd datagrams. The start-up ping's Reset is the
    /// server's 1st datagram (so losing it makes the ping repeat) and the next Reset its 2nd.
    /// </param>
    public LibcoapServer(params string[] extraArguments)
    {
        EndPoint = new IPEndPoint(IPAddress.Loopback, FreeUdpPort());
        var start = new ProcessStartInfo(Path!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-A", "127.0.0.1", "-p", EndPoint.Port.ToString(), .. extraArguments]) start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
    }

    public IPEndPoint EndPoint { get; }

    // A CoAP ping (empty Confirmable message) is answered with a Reset once the server listens.
    void WaitUntilListening()
    {
        byte[] ping = [0x40, 0x00, 0x00, 0x01];
        var reply = new byte[64];
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(EndPoint);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_process.HasExited) throw new InvalidOperationException($"coap-server exited with {_process.ExitCode}");
            try
            {
                probe.Send(ping);
                if (probe.Poll(TimeSpan.FromMilliseconds(100), SelectMode.SelectRead) && probe.Receive(reply) >= 4) return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50); // port unreachable: not bound yet
            }
        }
        throw new TimeoutException("coap-server did not answer a ping at " + EndPoint);
    }

    static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
    }
}
