// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public readonly ref struct SpanByte
    {
        private readonly int _dummyPrimitive;

        public SpanByte(byte[] array) { throw null; }

        public SpanByte(byte[] array, int start, int length) { throw null; }

        public byte this[int index] { get { throw null; } set { throw null; } }

        public static SpanByte Empty { get { throw null; } }

        public int Length { get { throw null; } }

        public bool IsEmpty { get { throw null; } }

        public void CopyTo(SpanByte destination) { throw null; }

        public SpanByte Slice(int start) { throw null; }

        public SpanByte Slice(int start, int length) { throw null; }

        public byte[] ToArray() { throw null; }

        public static implicit operator SpanByte(byte[] array) { throw null; }
    }
}
