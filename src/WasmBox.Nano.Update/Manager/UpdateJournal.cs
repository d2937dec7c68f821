using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cbor;

namespace WasmBox.Nano.Update
{
    /// <summary>The change a journal entry commits a slot to.</summary>
    internal static class JournalOperation
    {
        /// <summary>The staged bundle becomes current; the current one becomes previous.</summary>
        public const int Install = 1;
        /// <summary>Current and previous bundles go.</summary>
        public const int Remove = 2;
        /// <summary>The previous bundle becomes current; the current one goes.</summary>
        public const int Rollback = 3;
    }

    /// <summary>One committed but possibly unfinished change: CBOR [1, operation, tenant, slot, sequence].</summary>
    internal sealed class JournalEntry
    {
        public const int FormatVersion = 1;

        public int Operation;
        public string Tenant;
        public int Slot;
        public long Sequence;

        public JournalEntry(int operation, string tenant, int slot, long sequence)
        {
            Operation = operation;
            Tenant = tenant;
            Slot = slot;
            Sequence = sequence;
        }

        public byte[] Encode()
        {
            CborWriter w = new CborWriter();
            w.WriteArrayStart(5);
            w.WriteUInt(FormatVersion);
            w.WriteUInt((ulong)Operation);
            w.WriteText(Tenant);
            w.WriteUInt((ulong)Slot);
            w.WriteUInt((ulong)Sequence);
            return w.ToArray();
        }

        /// <summary>The entry, or null when the bytes are not one this version wrote.</summary>
        public static JournalEntry Decode(byte[] blob)
        {
            CborReader r = new CborReader(blob, 0, blob.Length, 5);
            int n;
            ulong version;
            int operation;
            string tenant;
            int slot;
            ulong sequence;
            if (!r.ReadArrayStart(out n) || n != 5 || !r.ReadUInt(FormatVersion, out version) || version != FormatVersion
                || !r.ReadInt32(out operation) || operation < JournalOperation.Install || operation > JournalOperation.Rollback
                || !r.ReadText(ManifestCodec.MaxTenantBytes, out tenant) || !ManifestCodec.IsIdentifier(tenant)
                || !r.ReadInt32(out slot) || slot > 255 || !r.ReadUInt(long.MaxValue, out sequence) || !r.AtEnd)
            {
                return null;
            }
            return new JournalEntry(operation, tenant, slot, (long)sequence);
        }
    }

    /// <summary>
    /// Write-ahead journal of slot changes. Writing the entry is the commit point; finishing it
    /// (renames and deletes, the new sequence number, then dropping the entry) is idempotent, so
    /// a power cut during it is repaired by finishing again at boot. Each step's precondition is
    /// checked from storage, never remembered, for that reason.
    /// </summary>
    internal static class UpdateJournal
    {
        /// <summary>Commits <paramref name="entry"/>; false (and no entry left, when storage allows) on failure.</summary>
        public static bool Commit(SlotStorage storage, JournalEntry entry)
        {
            byte[] blob = entry.Encode();
            if (storage.Write(SlotStorage.JournalName, blob, 0, blob.Length))
            {
                return true;
            }
            storage.DeleteIfPresent(SlotStorage.JournalName);
            return false;
        }

        /// <summary>The entry waiting to be finished, or null. A journal that does not decode was never committed.</summary>
        public static JournalEntry Pending(SlotStorage storage)
        {
            byte[] blob = storage.Read(SlotStorage.JournalName);
            return blob == null ? null : JournalEntry.Decode(blob);
        }

        /// <summary>True when storage holds a journal blob at all (decodable or not).</summary>
        public static bool Exists(SlotStorage storage)
        {
            return storage.Exists(SlotStorage.JournalName);
        }

        public static bool Discard(SlotStorage storage)
        {
            return storage.DeleteIfPresent(SlotStorage.JournalName);
        }

        /// <summary>Applies the entry's change to the slot's blobs, persists its sequence and drops it.</summary>
        public static bool Finish(SlotStorage storage, JournalEntry entry)
        {
            string current = SlotStorage.NameOf(entry.Tenant, entry.Slot, SlotStorage.Current);
            string previous = SlotStorage.NameOf(entry.Tenant, entry.Slot, SlotStorage.Previous);
            string staged = SlotStorage.NameOf(entry.Tenant, entry.Slot, SlotStorage.Staged);
            bool ok;
            switch (entry.Operation)
            {
                case JournalOperation.Install:
                    // The staged blob exists until its rename, the last step, so it says what is left.
                    ok = !storage.Exists(staged)
                        || ((!storage.Exists(current) || storage.Rename(current, previous)) && storage.Rename(staged, current));
                    break;
                case JournalOperation.Rollback:
                    ok = !storage.Exists(previous) || storage.Rename(previous, current);
                    break;
                default:
                    ok = storage.DeleteIfPresent(current) && storage.DeleteIfPresent(previous);
                    break;
            }
            return ok && storage.WriteSequence(entry.Tenant, entry.Slot, entry.Sequence) && Discard(storage);
        }
    }
}
