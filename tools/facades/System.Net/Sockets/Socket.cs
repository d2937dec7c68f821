// Mirrors nanoFramework.System.Net 1.11.60 (System.Net), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Net tag v1.11.54, the newest tag available here; the 1.11.60 source itself was not available to check.
// The real class also implements IDisposable (explicitly, with a public Close() that disposes); the facade leaves
// both out because it mirrors only the members used.

namespace System.Net.Sockets
{
    public class Socket
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) { throw null; }

        public void Bind(EndPoint localEP) { throw null; }

        public int SendTo(byte[] buffer, int offset, int size, SocketFlags socketFlags, EndPoint remoteEP) { throw null; }

        public int ReceiveFrom(byte[] buffer, int offset, int size, SocketFlags socketFlags, ref EndPoint remoteEP) { throw null; }

        public bool Poll(int microSeconds, SelectMode mode) { throw null; }
    }
}
