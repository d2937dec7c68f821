using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// 0x10 store_local(key, value), 0x11 store_global(key, value): 0, or -ENOMEM when the
    /// store is full. 0x12 fetch_local(key, *value), 0x13 fetch_global(key, *value): writes
    /// the value (0 when absent) and returns 0. Local is this container's store, global its
    /// tenant's: no id can name another tenant's store.
    /// </summary>
    public sealed class StoreHelper : RuntimeHelper
    {
        private readonly KeyValueStore _store;
        private readonly bool _fetch;

        public StoreHelper(Container container, int id)
            : base(container, id)
        {
            bool local = id == HelperIds.StoreLocal || id == HelperIds.FetchLocal;
            _store = local ? container.LocalStore : container.Tenant.GlobalStore;
            _fetch = id == HelperIds.FetchLocal || id == HelperIds.FetchGlobal;
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            uint key = (uint)r1;
            if (_fetch)
            {
                if (!vm.Memory.TryWriteUInt32(r2, _store.Fetch(key)))
                {
                    return BadPointer(out result);
                }
                result = 0;
                return VmStatus.Ok;
            }
            result = _store.Store(key, (uint)r2) ? 0 : Errno.Result(Errno.NoMemory);
            return VmStatus.Ok;
        }
    }
}
