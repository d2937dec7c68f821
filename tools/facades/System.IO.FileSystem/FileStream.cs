// Mirrors nanoFramework.System.IO.FileSystem 1.1.93 (System.IO.FileSystem), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.IO.FileSystem tag v1.1.93.

namespace System.IO
{
    public class FileStream : Stream
    {
        internal FileStream() { throw null; }

        public override void Flush() { throw null; }

        public override int Read(byte[] buffer, int offset, int count) { throw null; }

        public override void Write(byte[] buffer, int offset, int count) { throw null; }
    }
}
