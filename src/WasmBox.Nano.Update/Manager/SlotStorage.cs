using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cbor;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Update
{
    /// <summary>
    /// The update manager's blobs on the board's storage (README: "Storage layout"): per slot
    /// "upd.{tenant}.{slot}.{kind}" with kind cur (installed bundle), prev (kept for a rollback),
    /// new (staged bundle) and seq (persisted sequence number), plus one journal. Every call
    /// turns a storage exception into a failure result, so a flaky medium never crashes an update.
    /// </summary>
    internal sealed class SlotStorage
    {
        public const string Prefix = "upd.";
        public const string JournalName = "upd.journal";
        public const string Current = "cur";
        public const string Previous = "prev";
        public const string Staged = "new";
        public const string SequenceRecord = "seq";

        private readonly IStorage _storage;

        public SlotStorage(IStorage storage)
        {
            _storage = storage;
        }

        public static string NameOf(string tenant, int slot, string kind)
        {
            return Prefix + tenant + "." + slot + "." + kind;
        }

        /// <summary>Splits a slot blob name; false for anything else (the journal, foreign blobs).</summary>
        public static bool TryParseName(string name, out string tenant, out int slot, out string kind)
        {
            tenant = null;
            slot = -1;
            kind = null;
            if (name == null || !name.StartsWith(Prefix))
            {
                return false;
            }
            string[] parts = name.Substring(Prefix.Length).Split('.');
            if (parts.Length != 3 || !ManifestCodec.IsIdentifier(parts[0]))
            {
                return false;
            }
            slot = ParseSlot(parts[1]);
            tenant = parts[0];
            kind = parts[2];
            return slot >= 0 && (kind == Current || kind == Previous || kind == Staged || kind == SequenceRecord);
        }

        public bool Exists(string name)
        {
            try
            {
                return _storage.Exists(name);
            }
            catch (System.Exception)
            {
                return false;
            }
        }

        public byte[] Read(string name)
        {
            try
            {
                return _storage.Read(name);
            }
            catch (System.Exception)
            {
                return null;
            }
        }

        public bool Write(string name, byte[] data, int offset, int count)
        {
            try
            {
                return _storage.Write(name, data, offset, count);
            }
            catch (System.Exception)
            {
                return false;
            }
        }

        /// <summary>Deletes the blob; true when it is gone afterwards (also when it never existed).</summary>
        public bool DeleteIfPresent(string name)
        {
            try
            {
                return !_storage.Exists(name) || _storage.Delete(name);
            }
            catch (System.Exception)
            {
                return false;
            }
        }

        /// <summary>Renames, replacing the target; false on failure or when the source is absent.</summary>
        public bool Rename(string from, string to)
        {
            try
            {
                return _storage.Rename(from, to);
            }
            catch (System.Exception)
            {
                return false;
            }
        }

        public string[] List()
        {
            return List(Prefix);
        }

        /// <summary>Blob names starting with <paramref name="prefix"/>; empty when storage fails.</summary>
        public string[] List(string prefix)
        {
            try
            {
                string[] names = _storage.List(prefix);
                return names == null ? new string[0] : names;
            }
            catch (System.Exception)
            {
                return new string[0];
            }
        }

        /// <summary>The slot's persisted sequence number; 0 when absent or unreadable.</summary>
        public long ReadSequence(string tenant, int slot)
        {
            return ReadSequenceRecord(NameOf(tenant, slot, SequenceRecord));
        }

        /// <summary>The sequence stored in the blob <paramref name="name"/>, 0 when absent or unreadable.</summary>
        public long ReadSequenceRecord(string name)
        {
            byte[] blob = Read(name);
            if (blob == null)
            {
                return 0;
            }
            CborReader r = new CborReader(blob, 0, blob.Length, 1);
            ulong value;
            return r.ReadUInt(long.MaxValue, out value) && r.AtEnd ? (long)value : 0;
        }

        public bool WriteSequence(string tenant, int slot, long sequence)
        {
            return WriteSequenceRecord(NameOf(tenant, slot, SequenceRecord), sequence);
        }

        public bool WriteSequenceRecord(string name, long sequence)
        {
            CborWriter w = new CborWriter();
            w.WriteUInt((ulong)sequence);
            byte[] blob = w.ToArray();
            return Write(name, blob, 0, blob.Length);
        }

        private static int ParseSlot(string text)
        {
            if (text.Length == 0 || text.Length > 3 || (text.Length > 1 && text[0] == '0'))
            {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value <= 255 ? value : -1;
        }
    }
}
