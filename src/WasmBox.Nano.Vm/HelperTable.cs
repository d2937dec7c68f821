namespace WasmBox.Nano.Vm
{
    /// <summary>Helper id to handler. Ids are 0..<see cref="MaxId"/>; lookup is one array index.</summary>
    public sealed class HelperTable
    {
        public const int MaxId = 255;

        private readonly IHelper[] _handlers = new IHelper[MaxId + 1];

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
            _handlers[id] = handler;
        }

        /// <summary>The handler for <paramref name="id"/>, or null.</summary>
        public IHelper Get(long id)
        {
            return id < 0 || id > MaxId ? null : _handlers[(int)id];
        }

        public bool Contains(long id)
        {
            return Get(id) != null;
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

        /// <summary>A grant of every id a table has a handler for.</summary>
        public static HelperGrant AllOf(HelperTable table)
        {
            HelperGrant grant = new HelperGrant(null);
            for (int id = 0; id <= HelperTable.MaxId; id++)
            {
                if (table.Contains(id))
                {
                    grant.Add(id);
                }
            }
            return grant;
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
