// Mirrors nanoFramework.System.IO.FileSystem 1.1.93 (System.IO.FileSystem), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.IO.FileSystem tag v1.1.93.

namespace System.IO
{
    public static class File
    {
        public static FileStream Create(string path) { throw null; }

        public static void Delete(string path) { throw null; }

        public static bool Exists(string path) { throw null; }

        public static FileStream OpenRead(string path) { throw null; }

        public static byte[] ReadAllBytes(string path) { throw null; }
    }
}
