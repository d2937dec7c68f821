// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Collections
{
    public class ArrayList : IList, ICloneable
    {
        public ArrayList() { throw null; }

        public virtual int Capacity { get { throw null; } set { throw null; } }

        public virtual int Count { get { throw null; } }

        public virtual bool IsFixedSize { get { throw null; } }

        public virtual bool IsReadOnly { get { throw null; } }

        public virtual bool IsSynchronized { get { throw null; } }

        public virtual object SyncRoot { get { throw null; } }

        public virtual object this[int index] { get { throw null; } set { throw null; } }

        public virtual int Add(object value) { throw null; }

        public virtual int BinarySearch(object value, IComparer comparer) { throw null; }

        public virtual void Clear() { throw null; }

        public virtual object Clone() { throw null; }

        public virtual bool Contains(object value) { throw null; }

        public virtual void CopyTo(Array array) { throw null; }

        public virtual void CopyTo(Array array, int index) { throw null; }

        public virtual IEnumerator GetEnumerator() { throw null; }

        public virtual int IndexOf(object value) { throw null; }

        public virtual int IndexOf(object value, int startIndex) { throw null; }

        public virtual int IndexOf(object value, int startIndex, int count) { throw null; }

        public virtual void Insert(int index, object value) { throw null; }

        public virtual void Remove(object value) { throw null; }

        public virtual void RemoveAt(int index) { throw null; }

        public virtual object[] ToArray() { throw null; }

        public virtual Array ToArray(Type type) { throw null; }
    }
}
