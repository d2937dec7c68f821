// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Collections
{
    public interface IEnumerator
    {
        bool MoveNext();

        object Current { get; }

        void Reset();
    }
}
