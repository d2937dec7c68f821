using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Device.Platform
{
    /// <summary>Storage of a board without a file system (profile storage "none"): holds nothing, refuses writes.</summary>
    public sealed class NoStorage : IStorage
    {
        public bool Exists(string name)
        {
            return false;
        }

        public byte[] Read(string name)
        {
            return null;
        }

        public bool Write(string name, byte[] data, int offset, int count)
        {
            return false;
        }

        public bool Delete(string name)
        {
            return false;
        }

        public bool Rename(string from, string to)
        {
            return false;
        }

        public string[] List(string prefix)
        {
            return new string[0];
        }
    }
}
