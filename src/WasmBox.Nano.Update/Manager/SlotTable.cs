using System.Collections;
using WasmBox.Nano.Runtime.Containers;

namespace WasmBox.Nano.Update
{
    /// <summary>What the manager knows about one (tenant, slot): its persisted sequence and stored versions.</summary>
    internal sealed class SlotState
    {
        public SlotState(string tenant, int slot)
        {
            Tenant = tenant;
            Slot = slot;
        }

        public string Tenant { get; private set; }

        public int Slot { get; private set; }

        /// <summary>The persisted sequence number (0 for a slot never used).</summary>
        public long Sequence;

        /// <summary>A current bundle is stored (even if it could not be installed at boot).</summary>
        public bool HasCurrent;

        public bool HasPrevious;

        /// <summary>The running container, or null.</summary>
        public Container Container;

        public long BundleSequence;
        public byte[] Digest;
        public string Name;

        public void SetFunction(PreparedFunction f, Container container)
        {
            Container = container;
            HasCurrent = true;
            BundleSequence = f.Manifest.Sequence;
            Digest = f.Manifest.Digest;
            Name = f.Image.Manifest.Name;
        }

        public void ClearFunction()
        {
            Container = null;
            HasCurrent = false;
            HasPrevious = false;
            BundleSequence = 0;
            Digest = null;
            Name = null;
        }

        public InstalledFunction Describe()
        {
            InstalledFunction f = new InstalledFunction();
            f.Tenant = Tenant;
            f.Slot = Slot;
            f.Sequence = Sequence;
            f.Digest = (byte[])Digest.Clone();
            f.Name = Name;
            f.Container = Container;
            f.BundleSequence = BundleSequence;
            f.HasPrevious = HasPrevious;
            return f;
        }
    }

    /// <summary>Every slot the manager has seen, kept sorted by tenant (ordinal) then slot.</summary>
    internal sealed class SlotTable
    {
        private readonly ArrayList _slots = new ArrayList();

        public SlotState Find(string tenant, int slot)
        {
            int at = IndexOf(tenant, slot);
            return at < _slots.Count && Matches((SlotState)_slots[at], tenant, slot) ? (SlotState)_slots[at] : null;
        }

        public SlotState FindOrAdd(string tenant, int slot)
        {
            int at = IndexOf(tenant, slot);
            if (at < _slots.Count && Matches((SlotState)_slots[at], tenant, slot))
            {
                return (SlotState)_slots[at];
            }
            SlotState added = new SlotState(tenant, slot);
            _slots.Insert(at, added);
            return added;
        }

        /// <summary>The slots whose function is in the runtime, in table order.</summary>
        public InstalledFunction[] Installed()
        {
            int count = 0;
            for (int i = 0; i < _slots.Count; i++)
            {
                if (((SlotState)_slots[i]).Container != null)
                {
                    count++;
                }
            }
            InstalledFunction[] all = new InstalledFunction[count];
            int k = 0;
            for (int i = 0; i < _slots.Count; i++)
            {
                SlotState s = (SlotState)_slots[i];
                if (s.Container != null)
                {
                    all[k++] = s.Describe();
                }
            }
            return all;
        }

        public SlotState[] All()
        {
            SlotState[] all = new SlotState[_slots.Count];
            _slots.CopyTo(all);
            return all;
        }

        /// <summary>Where (tenant, slot) is or would be inserted.</summary>
        private int IndexOf(string tenant, int slot)
        {
            int at = 0;
            while (at < _slots.Count && Compare((SlotState)_slots[at], tenant, slot) < 0)
            {
                at++;
            }
            return at;
        }

        private static bool Matches(SlotState s, string tenant, int slot)
        {
            return s.Slot == slot && s.Tenant == tenant;
        }

        private static int Compare(SlotState s, string tenant, int slot)
        {
            int byTenant = CompareOrdinal(s.Tenant, tenant);
            return byTenant != 0 ? byTenant : s.Slot - slot;
        }

        // string.Compare is ordinal on nanoFramework but culture-aware on .NET; spell it out for both.
        private static int CompareOrdinal(string a, string b)
        {
            int n = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < n; i++)
            {
                if (a[i] != b[i])
                {
                    return a[i] - b[i];
                }
            }
            return a.Length - b.Length;
        }
    }
}
