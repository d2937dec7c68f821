namespace WasmBox.Nano.Vm
{
    /// <summary>
    /// Helper id to handler. Ids are 0..<see cref="MaxId"/>. Sparse, because every container
    /// holds one: a byte per id says which slot holds the handler (0: none), and the slots hold
    /// each distinct handler once. Lookup is two array reads; registration is setup-time only.
    /// </summary>
    public sealed class HelperTable
    {
        public const int MaxId = 255;

        /// <summary>Distinct handlers one table can hold (slot numbers are stored in a byte).</summary>
        public const int MaxHandlers = 255;

        private readonly byte[] _slotOfId = new byte[MaxId + 1];
        private IHelper[] _slots = new IHelper[0];

        /// <summary>
        /// A table for <see cref="VerifierOptions.Helpers"/> that only declares which ids exist
        /// (null: every id 0..<see cref="MaxId"/>). Install and build checks use it; a program
        /// is never run with it, and a call through it would end with UnknownHelper.
        /// </summary>
        public static HelperTable Declaring(int[] ids)
        {
            HelperTable table = new HelperTable();
            IHelper declared = new DeclaredHelper();
            int count = ids == null ? MaxId + 1 : ids.Length;
            for (int i = 0; i < count; i++)
            {
                table.Register(ids == null ? i : ids[i], declared);
            }
            return table;
        }

        /// <summary>Number of distinct handlers registered.</summary>
        public int HandlerCount { get { return _slots.Length; } }

        /// <summary>Maps <paramref name="id"/> to <paramref name="handler"/>; one handler may serve many ids.</summary>
        public void Register(int id, IHelper handler)
        {
            if (id < 0 || id > MaxId)
            {
                throw new System.ArgumentOutOfRangeException("id");
            }
            if (handler == null)
            {
                throw new System.ArgumentNullException("handler");
            }
            _slotOfId[id] = (byte)(SlotOf(handler) + 1);
        }

        /// <summary>The handler for <paramref name="id"/>, or null.</summary>
        public IHelper Get(long id)
        {
            if (id < 0 || id > MaxId)
            {
                return null;
            }
            int slot = _slotOfId[(int)id];
            return slot == 0 ? null : _slots[slot - 1];
        }

        public bool Contains(long id)
        {
            return Get(id) != null;
        }

        private int SlotOf(IHelper handler)
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i] == handler)
                {
                    return i;
                }
            }
            if (_slots.Length == MaxHandlers)
            {
                throw new System.InvalidOperationException("a helper table holds at most 255 distinct handlers");
            }
            // Grown by one: tables are filled once at install, and every slot costs device RAM.
            IHelper[] grown = new IHelper[_slots.Length + 1];
            System.Array.Copy(_slots, grown, _slots.Length);
            grown[_slots.Length] = handler;
            _slots = grown;
            return _slots.Length - 1;
        }
    }

    /// <summary>Stands for a helper in a <see cref="HelperTable.Declaring"/> table; never meant to run.</summary>
    internal sealed class DeclaredHelper : IHelper
    {
        public VmStatus Invoke(Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            result = 0;
            return VmStatus.UnknownHelper;
        }
    }

    /// <summary>
    /// The set of helper ids a tenant may call, as a 256-bit set. The verifier refuses
    /// programs that call outside it; the interpreter checks it again at every call.
    /// </summary>
    public sealed class HelperGrant
    {
        private readonly uint[] _bits = new uint[(HelperTable.MaxId + 1) / 32];

        /// <summary>A grant of the given ids.</summary>
        public HelperGrant(int[] ids)
        {
            if (ids != null)
            {
                for (int i = 0; i < ids.Length; i++)
                {
                    Add(ids[i]);
                }
            }
        }

        public void Add(int id)
        {
            if (id < 0 || id > HelperTable.MaxId)
            {
                throw new System.ArgumentOutOfRangeException("id");
            }
            _bits[id >> 5] |= 1u << (id & 31);
        }

        public bool IsGranted(long id)
        {
            return id >= 0 && id <= HelperTable.MaxId && (_bits[(int)id >> 5] & (1u << ((int)id & 31))) != 0;
        }
    }
}
