// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Collections
{
    public interface ICollection : IEnumerable
    {
        void CopyTo(Array array, int index);

        int Count { get; }

        object SyncRoot { get; }

        bool IsSynchronized { get; }
    }
}
