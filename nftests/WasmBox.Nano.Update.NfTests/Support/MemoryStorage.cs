using System.Collections;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Update.NfTests
{
    /// <summary>
    /// A board drive in RAM: each call happens completely or not at all, as the real adapters
    /// promise. Blobs are copied in and out, so nobody can change a stored blob behind its back.
    /// </summary>
    public sealed class MemoryStorage : IStorage
    {
        // Parallel lists: the device's mscorlib has no Hashtable without another package.
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _blobs = new ArrayList();

        public bool Exists(string name)
        {
            return _names.IndexOf(name) >= 0;
        }

        public byte[] Read(string name)
        {
            int i = _names.IndexOf(name);
            return i < 0 ? null : (byte[])((byte[])_blobs[i]).Clone();
        }

        public bool Write(string name, byte[] data, int offset, int count)
        {
            byte[] copy = new byte[count];
            System.Array.Copy(data, offset, copy, 0, count);
            int i = _names.IndexOf(name);
            if (i < 0)
            {
                _names.Add(name);
                _blobs.Add(copy);
            }
            else
            {
                _blobs[i] = copy;
            }
            return true;
        }

        public bool Delete(string name)
        {
            int i = _names.IndexOf(name);
            if (i < 0)
            {
                return false;
            }
            _names.RemoveAt(i);
            _blobs.RemoveAt(i);
            return true;
        }

        public bool Rename(string from, string to)
        {
            byte[] blob = Read(from);
            if (blob == null)
            {
                return false;
            }
            Delete(to);
            int i = _names.IndexOf(from);
            _names[i] = to;
            return true;
        }

        public string[] List(string prefix)
        {
            ArrayList found = new ArrayList();
            for (int i = 0; i < _names.Count; i++)
            {
                string name = (string)_names[i];
                if (name.StartsWith(prefix))
                {
                    found.Add(name);
                }
            }
            return (string[])found.ToArray(typeof(string));
        }
    }
}
