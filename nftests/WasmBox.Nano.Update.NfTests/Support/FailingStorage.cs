using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Update.NfTests
{
    /// <summary>
    /// A drive that misbehaves at its k-th mutation (write, rename or delete; reads never fail).
    /// As a failure, that mutation returns false and changes nothing, and later ones work; as a
    /// power cut, it and every later one report success but never reach <see cref="Durable"/>,
    /// which is what the next boot finds.
    /// </summary>
    public sealed class FailingStorage : IStorage
    {
        private readonly int _failAt;
        private readonly bool _powerCut;
        private int _mutations;

        public FailingStorage(MemoryStorage durable, int failAt, bool powerCut)
        {
            Durable = durable;
            _failAt = failAt;
            _powerCut = powerCut;
        }

        public MemoryStorage Durable { get; private set; }

        /// <summary>Mutations attempted so far, the failing one included.</summary>
        public int Mutations { get { return _mutations; } }

        public bool Exists(string name)
        {
            return Durable.Exists(name);
        }

        public byte[] Read(string name)
        {
            return Durable.Read(name);
        }

        public string[] List(string prefix)
        {
            return Durable.List(prefix);
        }

        public bool Write(string name, byte[] data, int offset, int count)
        {
            return MayMutate() ? Durable.Write(name, data, offset, count) : _powerCut;
        }

        public bool Delete(string name)
        {
            return MayMutate() ? Durable.Delete(name) : _powerCut;
        }

        public bool Rename(string from, string to)
        {
            return MayMutate() ? Durable.Rename(from, to) : _powerCut;
        }

        /// <summary>Counts a mutation; false when it must not reach the drive.</summary>
        private bool MayMutate()
        {
            _mutations++;
            return _powerCut ? _mutations < _failAt : _mutations != _failAt;
        }
    }
}
