using WasmBox.Nano.Bundle;
using WasmBox.Nano.Bundle.Policies;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Hostcalls;

namespace WasmBox.Nano.Update.Policies
{
    /// <summary>
    /// Installs, replaces and removes the board owner's hostcall policies from signed policy
    /// bundles (POLICY-FORMAT.md), with the function slots' anti-rollback rule: each policy name
    /// has a persisted sequence and only a strictly higher one is accepted; a removal keeps it.
    /// Storage: <c>pol.{name}.cur</c> (the installed bundle), <c>pol.{name}.new</c> (staged),
    /// <c>pol.{name}.seq</c>. Every refusal changes nothing. Thread-safe (one change at a time).
    /// </summary>
    public sealed class PolicyInstaller
    {
        public const string Prefix = "pol.";

        private readonly HostcallPolicies _policies;
        private readonly SlotStorage _storage;
        private readonly byte[] _ownerKey;
        private readonly object _lock = new object();

        /// <param name="ownerKey">
        /// The board owner's 65-byte P-256 public key (provisioned; never a tenant's). Null on a board
        /// provisioned without one: every policy is then refused, saying so, and stored ones stay unused.
        /// </param>
        public PolicyInstaller(WasmBoxRuntime runtime, IStorage storage, byte[] ownerKey)
        {
            if (runtime == null || storage == null)
            {
                throw new System.ArgumentNullException(runtime == null ? "runtime" : "storage");
            }
            _policies = runtime.Services.Policies;
            _storage = new SlotStorage(storage);
            _ownerKey = ownerKey;
        }

        /// <summary>The policies installed now, in install order.</summary>
        public HostcallPolicy[] Installed { get { return _policies.Installed; } }

        /// <summary>The persisted sequence of <paramref name="name"/> (0: never installed).</summary>
        public long SequenceOf(string name)
        {
            // The installed policy's own number counts too: its bundle is the commit, the record may lag.
            HostcallPolicy installed = _policies.Find(name);
            long recorded = _storage.ReadSequenceRecord(NameOf(name, "seq"));
            return installed != null && installed.Sequence > recorded ? installed.Sequence : recorded;
        }

        /// <summary>Reinstalls every stored policy; one that no longer verifies or installs is skipped and reported.</summary>
        public string[] Boot()
        {
            lock (_lock)
            {
                System.Collections.ArrayList problems = new System.Collections.ArrayList();
                string[] names = _storage.List(Prefix);
                for (int i = 0; i < names.Length; i++)
                {
                    string name = PolicyNameOf(names[i], ".new");
                    if (name != null)
                    {
                        _storage.DeleteIfPresent(names[i]); // staged, never committed
                        continue;
                    }
                    name = PolicyNameOf(names[i], ".cur");
                    string problem = name == null ? null : Restore(name, names[i]);
                    if (problem != null)
                    {
                        problems.Add(name + ": " + problem);
                    }
                }
                return (string[])problems.ToArray(typeof(string));
            }
        }

        /// <summary>False when the board was provisioned without an owner key and takes no policy.</summary>
        public bool HasOwnerKey { get { return _ownerKey != null; } }

        /// <summary>Installs, replaces or removes the policy the signed bytes carry.</summary>
        public PolicyResult Deploy(byte[] buffer, int offset, int count)
        {
            if (_ownerKey == null)
            {
                return PolicyResult.Refused(UpdateRefusal.BadSignature,
                    "this board has no owner key provisioned, so no signature can be checked; provision the owner's public key", null, 0);
            }
            FunctionImage image;
            BundleError error;
            string detail;
            PolicyManifest m = PolicyBundleReader.Open(buffer, offset, count, _ownerKey, out image, out error, out detail);
            if (m == null)
            {
                return PolicyResult.Refused(Refusals.FromBundle(error), detail, null, 0);
            }
            lock (_lock)
            {
                long current = SequenceOf(m.Name);
                if (m.Sequence <= current)
                {
                    return PolicyResult.Refused(UpdateRefusal.Replay, "policy " + m.Name + " sequence " + m.Sequence
                        + " is not above the installed " + current, m.Name, m.Sequence);
                }
                return m.Remove ? Remove(m) : Install(m, image, buffer, offset, count);
            }
        }

        private PolicyResult Install(PolicyManifest m, FunctionImage image, byte[] buffer, int offset, int count)
        {
            bool replacing = _policies.Find(m.Name) != null;
            string refusal = _policies.Install(Definition(m, image));
            if (refusal != null)
            {
                return PolicyResult.Refused(UpdateRefusal.VerifierFailed, refusal, m.Name, m.Sequence);
            }
            string staged = NameOf(m.Name, "new");
            // Staged, then renamed over the current bundle: the rename is the commit. The record after it
            // may fail or be cut off by a crash; SequenceOf and Boot read the bundle's own number too.
            if (!_storage.Write(staged, buffer, offset, count) || !_storage.Rename(staged, NameOf(m.Name, "cur")))
            {
                _storage.DeleteIfPresent(staged);
                Undo(m.Name);
                return PolicyResult.Refused(UpdateRefusal.StorageFailed, "storage failed; policy " + m.Name + " is as before",
                    m.Name, m.Sequence);
            }
            _storage.WriteSequenceRecord(NameOf(m.Name, "seq"), m.Sequence);
            return PolicyResult.Accepted(replacing ? UpdateStatus.Updated : UpdateStatus.Installed, m.Name, m.Sequence);
        }

        private PolicyResult Remove(PolicyManifest m)
        {
            if (_policies.Find(m.Name) == null)
            {
                return PolicyResult.Refused(UpdateRefusal.NoSuchFunction, "no policy " + m.Name + " is installed", m.Name, m.Sequence);
            }
            // The sequence first: a crash before the delete leaves a bundle older than its record, which Boot drops.
            if (!_storage.WriteSequenceRecord(NameOf(m.Name, "seq"), m.Sequence))
            {
                return PolicyResult.Refused(UpdateRefusal.StorageFailed, "storage failed; policy " + m.Name + " is as before",
                    m.Name, m.Sequence);
            }
            _storage.DeleteIfPresent(NameOf(m.Name, "cur"));
            _policies.Remove(m.Name);
            return PolicyResult.Accepted(UpdateStatus.Removed, m.Name, m.Sequence);
        }

        /// <summary>Puts back the stored version after a failed write (or removes the new one when none was stored).</summary>
        private void Undo(string name)
        {
            if (Restore(name, NameOf(name, "cur")) != null)
            {
                _policies.Remove(name);
            }
        }

        private string Restore(string name, string blob)
        {
            byte[] stored = _storage.Read(blob);
            if (stored == null)
            {
                return "unreadable";
            }
            FunctionImage image;
            BundleError error;
            string detail;
            PolicyManifest m = PolicyBundleReader.Open(stored, 0, stored.Length, _ownerKey, out image, out error, out detail);
            if (m == null || m.Remove || m.Name != name)
            {
                return m == null ? detail : "stored bundle is not policy " + name;
            }
            long recorded = _storage.ReadSequenceRecord(NameOf(name, "seq"));
            if (recorded > m.Sequence)
            {
                _storage.DeleteIfPresent(blob); // removed after it was stored
                return null;
            }
            if (recorded < m.Sequence && !_storage.WriteSequenceRecord(NameOf(name, "seq"), m.Sequence))
            {
                return "sequence record unwritable";
            }
            return _policies.Install(Definition(m, image));
        }

        private static PolicyDefinition Definition(PolicyManifest m, FunctionImage image)
        {
            PolicyDefinition d = new PolicyDefinition();
            d.Name = m.Name;
            d.Sequence = m.Sequence;
            d.Text = image.Text;
            d.Rodata = image.Rodata;
            d.Entry = image.Entries[0].Index;
            d.HelperIds = m.Helpers;
            d.Tenants = m.Tenants;
            d.InstructionBudget = m.InstructionBudget;
            return d;
        }

        private static string NameOf(string policy, string kind)
        {
            return Prefix + policy + "." + kind;
        }

        private static string PolicyNameOf(string blob, string suffix)
        {
            if (!blob.StartsWith(Prefix) || !blob.EndsWith(suffix))
            {
                return null;
            }
            string name = blob.Substring(Prefix.Length, blob.Length - Prefix.Length - suffix.Length);
            return ManifestCodec.IsIdentifier(name) ? name : null;
        }
    }
}
