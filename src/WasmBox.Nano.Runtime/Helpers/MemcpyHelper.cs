using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// 0x02 memcpy(dest, src, n): both ranges must each lie inside one mapped region (source
    /// readable, destination writable). Overlap is handled like memmove. Returns dest.
    /// </summary>
    public sealed class MemcpyHelper : RuntimeHelper
    {
        public MemcpyHelper(Container container)
            : base(container, HelperIds.Memcpy)
        {
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            if (r3 > int.MaxValue)
            {
                return BadPointer(out result);
            }
            int n = (int)r3;
            VmMemory mem = vm.Memory;
            int from = mem.Translate(r2, n, false);
            if (from < 0)
            {
                return BadPointer(out result);
            }
            byte[] source = mem.HitData;
            int to = mem.Translate(r1, n, true);
            if (to < 0)
            {
                return BadPointer(out result);
            }
            System.Array.Copy(source, from, mem.HitData, to, n);
            result = r1;
            return VmStatus.Ok;
        }
    }
}
