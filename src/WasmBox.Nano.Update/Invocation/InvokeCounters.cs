using WasmBox.Nano.Cbor;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Update
{
    /// <summary>
    /// The last accepted signed-invocation counter of each (tenant, slot), persisted as one CBOR
    /// unsigned integer in the blob "inv.{tenant}.{slot}" so a reboot cannot reopen a replay.
    /// Kept apart from the "upd." blobs: a remove or a redeploy never resets it.
    /// </summary>
    internal sealed class InvokeCounters
    {
        public const string Prefix = "inv.";

        private readonly SlotStorage _storage;

        public InvokeCounters(IStorage storage)
        {
            _storage = new SlotStorage(storage);
        }

        public static string NameOf(string tenant, int slot)
        {
            return Prefix + tenant + "." + slot;
        }

        /// <summary>The last accepted counter; 0 when none was ever accepted, -1 when the record exists but cannot be read.</summary>
        public long Last(string tenant, int slot)
        {
            string name = NameOf(tenant, slot);
            byte[] blob = _storage.Read(name);
            if (blob == null)
            {
                return _storage.Exists(name) ? -1 : 0;
            }
            CborReader r = new CborReader(blob, 0, blob.Length, 1);
            ulong value;
            return r.ReadUInt(long.MaxValue, out value) && r.AtEnd ? (long)value : -1;
        }

        /// <summary>Records <paramref name="counter"/> as the last accepted one; false when storage failed.</summary>
        public bool Accept(string tenant, int slot, long counter)
        {
            CborWriter w = new CborWriter();
            w.WriteUInt((ulong)counter);
            byte[] blob = w.ToArray();
            return _storage.Write(NameOf(tenant, slot), blob, 0, blob.Length);
        }
    }
}
