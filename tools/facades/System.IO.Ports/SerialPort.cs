// Mirrors nanoFramework.System.IO.Ports 1.1.139 (System.IO.Ports), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.IO.Ports tag v1.1.139.

namespace System.IO.Ports
{
    public sealed class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) { throw null; }

        public void Open() { throw null; }

        public int BaudRate { get { throw null; } set { throw null; } }

        public int ReadTimeout { get { throw null; } set { throw null; } }

        public int BytesToRead { get { throw null; } }

        public int Read(byte[] buffer, int offset, int count) { throw null; }

        public void Write(byte[] buffer, int offset, int count) { throw null; }

        public void Dispose() { throw null; }
    }
}
