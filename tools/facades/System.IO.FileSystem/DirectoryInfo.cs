// Mirrors nanoFramework.System.IO.FileSystem 1.1.93 (System.IO.FileSystem), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.IO.FileSystem tag v1.1.93.

namespace System.IO
{
    public sealed class DirectoryInfo : FileSystemInfo
    {
        internal DirectoryInfo() { throw null; }
    }
}
