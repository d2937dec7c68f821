// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public class Random
    {
        public Random() { throw null; }

        public Random(int seed) { throw null; }

        public virtual int Next() { throw null; }

        public virtual int Next(int maxValue) { throw null; }

        public virtual double NextDouble() { throw null; }

        public virtual void NextBytes(byte[] buffer) { throw null; }
    }
}
