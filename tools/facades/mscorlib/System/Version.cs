// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public sealed class Version
    {
        public Version(int major, int minor, int build, int revision) { throw null; }

        public Version(int major, int minor) { throw null; }

        public int Major { get { throw null; } }

        public int Minor { get { throw null; } }

        public int Revision { get { throw null; } }

        public int Build { get { throw null; } }

        public override bool Equals(object obj) { throw null; }

        public override string ToString() { throw null; }

        public override int GetHashCode() { throw null; }
    }
}
