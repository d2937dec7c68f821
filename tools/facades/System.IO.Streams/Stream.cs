// Mirrors nanoFramework.System.IO.Streams 1.1.96 (System.IO.Streams), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.IO.Streams tag v1.1.96.

namespace System.IO
{
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public void Dispose() { throw null; }

        public abstract void Flush();

        public abstract int Read(byte[] buffer, int offset, int count);

        public abstract void Write(byte[] buffer, int offset, int count);
    }
}
