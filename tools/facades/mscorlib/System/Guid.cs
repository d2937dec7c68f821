// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public struct Guid
    {
        private int _dummyPrimitive;

        public static readonly Guid Empty;

        public Guid(int a, short b, short c, byte d, byte e, byte f, byte g, byte h, byte i, byte j, byte k) { throw null; }

        public Guid(uint a, ushort b, ushort c, byte d, byte e, byte f, byte g, byte h, byte i, byte j, byte k) { throw null; }

        public Guid(byte[] b) { throw null; }

        public Guid(string g) { throw null; }

        public int CompareTo(object value) { throw null; }

        public byte[] ToByteArray() { throw null; }

        public override string ToString() { throw null; }

        public override bool Equals(object o) { throw null; }

        public override int GetHashCode() { throw null; }

        public static Guid NewGuid() { throw null; }

        [Obsolete("This will be renamed to TryParse in a future version.")]
        public static bool TryParseGuidWithDashes(string input, out Guid result) { throw null; }
    }
}
