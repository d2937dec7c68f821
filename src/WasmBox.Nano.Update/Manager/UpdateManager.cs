using WasmBox.Nano.Bundle;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;

namespace WasmBox.Nano.Update
{
    /// <summary>
    /// Deploys signed bundles and executes signed commands (remove, rollback) for any transport,
    /// with anti-rollback sequence numbers per (tenant, slot) and atomic, journaled installs
    /// that survive a power cut at any storage write (README.md next to this folder is the
    /// protocol). Every refusal changes nothing. Thread-safe: one change at a time.
    /// </summary>
    /// <remarks>
    /// A change goes: checks (pure) -> runtime switch (undone on refusal) -> storage, where
    /// writing the journal entry is the commit point -> finish the journal -> start the new
    /// container. Call <see cref="Boot"/> once at start-up; the first deployment or command
    /// runs it if nobody did.
    /// </remarks>
    public sealed class UpdateManager
    {
        private readonly object _sync = new object();
        private readonly WasmBoxRuntime _runtime;
        private readonly SlotStorage _storage;
        private readonly FunctionChecks _checks;
        private readonly ITenantKeyring _keys;
        private readonly IStorage _blobs;
        private readonly SlotTable _slots = new SlotTable();
        private string[] _bootFailures = new string[0];
        private bool _booted;
        private JournalEntry _unfinished;

        public UpdateManager(WasmBoxRuntime runtime, IStorage storage, ITenantKeyring keys)
        {
            if (runtime == null)
            {
                throw new System.ArgumentNullException("runtime");
            }
            if (storage == null)
            {
                throw new System.ArgumentNullException("storage");
            }
            if (keys == null)
            {
                throw new System.ArgumentNullException("keys");
            }
            _runtime = runtime;
            _storage = new SlotStorage(storage);
            _blobs = storage;
            _keys = keys;
            _checks = new FunctionChecks(runtime, keys, _storage);
        }

        public WasmBoxRuntime Runtime { get { return _runtime; } }

        /// <summary>The tenants' public keys bundles and commands are checked with.</summary>
        public ITenantKeyring Keys { get { return _keys; } }

        /// <summary>The board storage the manager keeps its blobs on (other persisted protocol state lives beside them).</summary>
        public IStorage Storage { get { return _blobs; } }

        /// <summary>Transports refuse larger bundles before buffering them.</summary>
        public int MaxBundleBytes { get { return BundleReader.MaxBundleBytes; } }

        /// <summary>Transports refuse larger commands before buffering them.</summary>
        public int MaxCommandBytes { get { return CommandReader.MaxSignedCommandBytes; } }

        /// <summary>Installed functions sorted by tenant (ordinal) then slot.</summary>
        public InstalledFunction[] Installed
        {
            get
            {
                lock (_sync)
                {
                    return _slots.Installed();
                }
            }
        }

        /// <summary>Stored functions the last <see cref="Boot"/> could not install, one sentence each.</summary>
        public string[] BootFailures
        {
            get
            {
                lock (_sync)
                {
                    return (string[])_bootFailures.Clone();
                }
            }
        }

        /// <summary>The persisted sequence number of (tenant, slot); 0 for a slot never used.</summary>
        public long SequenceOf(string tenant, int slot)
        {
            lock (_sync)
            {
                SlotState s = _slots.Find(tenant, slot);
                return s == null ? 0 : s.Sequence;
            }
        }

        // ---------------------------------------------------------------- boot

        /// <summary>
        /// Finishes a journaled change a power cut interrupted, drops staged bundles nothing
        /// committed, then installs and starts every stored function. Runs once; later calls do nothing.
        /// </summary>
        public void Boot()
        {
            lock (_sync)
            {
                if (_booted)
                {
                    return;
                }
                _booted = true;
                RecoverJournal();
                string[] names = _storage.List();
                LoadSlots(names);
                if (_unfinished == null)
                {
                    DropUncommittedStaging(names);
                }
                StartStoredFunctions();
            }
        }

        private void RecoverJournal()
        {
            JournalEntry pending = UpdateJournal.Pending(_storage);
            if (pending == null)
            {
                // An entry that does not decode was never fully written, so nothing was committed.
                if (UpdateJournal.Exists(_storage) && !UpdateJournal.Discard(_storage))
                {
                    Log("cannot drop an unreadable journal");
                }
                return;
            }
            if (!UpdateJournal.Finish(_storage, pending))
            {
                _unfinished = pending;
                Log("cannot finish the journaled change of " + pending.Tenant + "/" + pending.Slot + "; retrying on the next change");
            }
        }

        private void LoadSlots(string[] names)
        {
            for (int i = 0; i < names.Length; i++)
            {
                string tenant;
                int slot;
                string kind;
                if (!SlotStorage.TryParseName(names[i], out tenant, out slot, out kind) || kind == SlotStorage.Staged)
                {
                    continue;
                }
                SlotState s = _slots.FindOrAdd(tenant, slot);
                if (kind == SlotStorage.Current)
                {
                    s.HasCurrent = true;
                }
                else if (kind == SlotStorage.Previous)
                {
                    s.HasPrevious = true;
                }
                else
                {
                    s.Sequence = _storage.ReadSequence(tenant, slot);
                }
            }
        }

        private void DropUncommittedStaging(string[] names)
        {
            for (int i = 0; i < names.Length; i++)
            {
                string tenant;
                int slot;
                string kind;
                if (SlotStorage.TryParseName(names[i], out tenant, out slot, out kind) && kind == SlotStorage.Staged)
                {
                    _storage.DeleteIfPresent(names[i]);
                }
            }
        }

        private void StartStoredFunctions()
        {
            System.Collections.ArrayList failures = new System.Collections.ArrayList();
            SlotState[] all = _slots.All();
            for (int i = 0; i < all.Length; i++)
            {
                SlotState s = all[i];
                if (!s.HasCurrent)
                {
                    continue;
                }
                string failure = Reinstate(s, SlotStorage.Current, true);
                if (failure != null)
                {
                    failures.Add(s.Tenant + "/" + s.Slot + ": " + failure);
                    Log("boot: " + s.Tenant + "/" + s.Slot + " not installed: " + failure);
                }
            }
            _bootFailures = (string[])failures.ToArray(typeof(string));
        }

        // ---------------------------------------------------------------- deploy

        /// <summary>Installs the bundle into its (signed) tenant and slot, or updates the slot's function.</summary>
        public UpdateResult Deploy(byte[] buffer, int offset, int count)
        {
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                return UpdateResult.Refused(UpdateRefusal.Malformed, "no bundle bytes", null, -1, 0);
            }
            if (count > MaxBundleBytes)
            {
                return UpdateResult.Refused(UpdateRefusal.TooLarge,
                    "bundle is " + count + " bytes, the limit is " + MaxBundleBytes, null, -1, 0);
            }
            lock (_sync)
            {
                Boot();
                ParsedBundle parsed;
                UpdateRefusal refusal;
                string reason;
                FunctionImage image = _checks.Open(buffer, offset, count, out parsed, out refusal, out reason);
                Manifest m = parsed == null ? null : parsed.Manifest;
                if (image == null)
                {
                    return m == null ? UpdateResult.Refused(refusal, reason, null, -1, 0) : Refuse(refusal, reason, m);
                }
                SlotState slot = _slots.Find(m.Tenant, m.Slot);
                long current = slot == null ? 0 : slot.Sequence;
                if (m.Sequence <= current)
                {
                    return Refuse(UpdateRefusal.Replay, "sequence " + m.Sequence + " is not above " + current
                        + ", the last accepted for " + m.Tenant + "/" + m.Slot, m);
                }
                Container replacing = slot == null ? null : slot.Container;
                ContainerImage mapped = _checks.Check(m, image, replacing, out refusal, out reason);
                if (mapped == null)
                {
                    return Refuse(refusal, reason, m);
                }
                if (!FinishUnfinished())
                {
                    return Refuse(UpdateRefusal.StorageFailed, "storage cannot finish an earlier change", m);
                }
                return Install(slot, new PreparedFunction(m, mapped), buffer, offset, count);
            }
        }

        private UpdateResult Install(SlotState slot, PreparedFunction next, byte[] buffer, int offset, int count)
        {
            Manifest m = next.Manifest;
            bool wasRunning;
            InstallResult switched = SwitchIn(slot, next, out wasRunning);
            if (!switched.Ok)
            {
                return Refuse(Refusals.FromRuntime(switched.Error), switched.Reason, m);
            }
            string staged = SlotStorage.NameOf(m.Tenant, m.Slot, SlotStorage.Staged);
            JournalEntry entry = new JournalEntry(JournalOperation.Install, m.Tenant, m.Slot, m.Sequence);
            if (!_storage.DeleteIfPresent(staged) || !_storage.Write(staged, buffer, offset, count)
                || !UpdateJournal.Commit(_storage, entry))
            {
                _storage.DeleteIfPresent(staged);
                SwitchBack(slot, switched.Container, wasRunning);
                return Refuse(UpdateRefusal.StorageFailed, "storage refused the staged bundle or the journal; nothing changed", m);
            }
            Finish(entry);
            bool replaced = slot != null && slot.HasCurrent;
            slot = _slots.FindOrAdd(m.Tenant, m.Slot);
            slot.Sequence = m.Sequence;
            slot.HasPrevious = replaced;
            slot.SetFunction(next, switched.Container);
            _runtime.Start(switched.Container);
            return UpdateResult.Accepted(replaced ? UpdateStatus.Updated : UpdateStatus.Installed, m.Tenant, m.Slot, m.Sequence);
        }

        // ---------------------------------------------------------------- commands

        /// <summary>Executes a signed remove or rollback command.</summary>
        public UpdateResult Execute(byte[] buffer, int offset, int count)
        {
            lock (_sync)
            {
                Boot();
                UpdateCommand named;
                UpdateRefusal refusal;
                string reason;
                UpdateCommand command = CommandReader.Open(buffer, offset, count, _keys, out named, out refusal, out reason);
                if (command == null)
                {
                    return named == null ? UpdateResult.Refused(refusal, reason, null, -1, 0)
                        : UpdateResult.Refused(refusal, reason, named.Tenant, named.Slot, named.Sequence);
                }
                SlotState slot = _slots.Find(command.Tenant, command.Slot);
                long current = slot == null ? 0 : slot.Sequence;
                if (command.Sequence <= current)
                {
                    return Refuse(UpdateRefusal.Replay, "sequence " + command.Sequence + " is not above " + current
                        + ", the last accepted for " + command.Tenant + "/" + command.Slot, command);
                }
                if (slot == null || !slot.HasCurrent)
                {
                    return Refuse(UpdateRefusal.NoSuchFunction, command.Tenant + "/" + command.Slot + " has no function", command);
                }
                if (command.Action == CommandAction.Rollback && !slot.HasPrevious)
                {
                    return Refuse(UpdateRefusal.NoPreviousVersion, command.Tenant + "/" + command.Slot
                        + " keeps no previous version", command);
                }
                if (!FinishUnfinished())
                {
                    return Refuse(UpdateRefusal.StorageFailed, "storage cannot finish an earlier change", command);
                }
                return command.Action == CommandAction.Remove ? Remove(slot, command) : Rollback(slot, command);
            }
        }

        private UpdateResult Remove(SlotState slot, UpdateCommand command)
        {
            // Removing from the runtime cannot be refused, so storage commits first.
            JournalEntry entry = new JournalEntry(JournalOperation.Remove, command.Tenant, command.Slot, command.Sequence);
            if (!UpdateJournal.Commit(_storage, entry))
            {
                return Refuse(UpdateRefusal.StorageFailed, "storage refused the journal; nothing changed", command);
            }
            if (slot.Container != null)
            {
                _runtime.Remove(slot.Container);
            }
            Finish(entry);
            slot.ClearFunction();
            slot.Sequence = command.Sequence;
            return UpdateResult.Accepted(UpdateStatus.Removed, command.Tenant, command.Slot, command.Sequence);
        }

        private UpdateResult Rollback(SlotState slot, UpdateCommand command)
        {
            UpdateRefusal refusal;
            string reason;
            PreparedFunction previous = _checks.LoadStored(slot.Tenant, slot.Slot, SlotStorage.Previous, slot.Container,
                out refusal, out reason);
            if (previous == null)
            {
                return Refuse(refusal, "previous version: " + reason, command);
            }
            bool wasRunning;
            InstallResult switched = SwitchIn(slot, previous, out wasRunning);
            if (!switched.Ok)
            {
                return Refuse(Refusals.FromRuntime(switched.Error), "previous version: " + switched.Reason, command);
            }
            JournalEntry entry = new JournalEntry(JournalOperation.Rollback, command.Tenant, command.Slot, command.Sequence);
            if (!UpdateJournal.Commit(_storage, entry))
            {
                SwitchBack(slot, switched.Container, wasRunning);
                return Refuse(UpdateRefusal.StorageFailed, "storage refused the journal; nothing changed", command);
            }
            Finish(entry);
            slot.Sequence = command.Sequence;
            slot.HasPrevious = false;
            slot.SetFunction(previous, switched.Container);
            _runtime.Start(switched.Container);
            return UpdateResult.Accepted(UpdateStatus.RolledBack, command.Tenant, command.Slot, command.Sequence);
        }

        // ---------------------------------------------------------------- runtime switch

        /// <summary>
        /// Puts the function into the runtime in place of the slot's container (removed first: the
        /// two may share a name, pins and the tenant's RAM). On refusal the old one is back.
        /// </summary>
        private InstallResult SwitchIn(SlotState slot, PreparedFunction next, out bool wasRunning)
        {
            Container old = slot == null ? null : slot.Container;
            wasRunning = old != null && old.State == ContainerState.Running;
            if (old != null)
            {
                _runtime.Remove(old);
            }
            InstallResult result = _runtime.Install(next.Manifest.Tenant, next.Image.Manifest, next.Image.Code);
            if (!result.Ok && old != null)
            {
                Restore(slot, wasRunning);
            }
            return result;
        }

        /// <summary>Undoes <see cref="SwitchIn"/> after storage refused to commit.</summary>
        private void SwitchBack(SlotState slot, Container installed, bool wasRunning)
        {
            _runtime.Remove(installed);
            if (slot != null && slot.Container != null)
            {
                Restore(slot, wasRunning);
            }
        }

        private void Restore(SlotState slot, bool start)
        {
            string failure = Reinstate(slot, SlotStorage.Current, start);
            if (failure != null)
            {
                Log(slot.Tenant + "/" + slot.Slot + " could not be restored until the next boot: " + failure);
            }
        }

        /// <summary>Installs the slot's stored bundle of <paramref name="kind"/>; null, or why not.</summary>
        private string Reinstate(SlotState slot, string kind, bool start)
        {
            slot.Container = null;
            UpdateRefusal refusal;
            string reason;
            PreparedFunction f = _checks.LoadStored(slot.Tenant, slot.Slot, kind, null, out refusal, out reason);
            if (f == null)
            {
                return UpdateRefusalText.Name(refusal) + ": " + reason;
            }
            InstallResult installed = _runtime.Install(slot.Tenant, f.Image.Manifest, f.Image.Code);
            if (!installed.Ok)
            {
                return UpdateRefusalText.Name(Refusals.FromRuntime(installed.Error)) + ": " + installed.Reason;
            }
            if (f.Manifest.Sequence > slot.Sequence)
            {
                // The sequence record can only lag the installed bundle if it was lost; never go below it.
                slot.Sequence = f.Manifest.Sequence;
            }
            slot.SetFunction(f, installed.Container);
            if (start)
            {
                _runtime.Start(installed.Container);
            }
            return null;
        }

        // ---------------------------------------------------------------- storage completion

        /// <summary>Finishes a committed entry; if storage fails now, the next change or boot finishes it.</summary>
        private void Finish(JournalEntry entry)
        {
            if (!UpdateJournal.Finish(_storage, entry))
            {
                _unfinished = entry;
                Log("committed change of " + entry.Tenant + "/" + entry.Slot + " is journaled; storage will finish it later");
            }
        }

        private bool FinishUnfinished()
        {
            if (_unfinished != null && UpdateJournal.Finish(_storage, _unfinished))
            {
                _unfinished = null;
            }
            return _unfinished == null;
        }

        private UpdateResult Refuse(UpdateRefusal refusal, string reason, Manifest m)
        {
            return UpdateResult.Refused(refusal, reason, m.Tenant, m.Slot, m.Sequence);
        }

        private UpdateResult Refuse(UpdateRefusal refusal, string reason, UpdateCommand c)
        {
            return UpdateResult.Refused(refusal, reason, c.Tenant, c.Slot, c.Sequence);
        }

        private void Log(string line)
        {
            ILogSink log = _runtime.Services.Log;
            if (log != null)
            {
                log.Write("update", line);
            }
        }
    }
}
