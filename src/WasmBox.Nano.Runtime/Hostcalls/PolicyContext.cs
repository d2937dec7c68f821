using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Hostcalls
{
    /// <summary>
    /// The read-only struct a policy program finds at r1 = <see cref="Address"/> when it decides
    /// one helper call (little-endian; tools/samples/include/wbx_policy.h mirrors it):
    /// <code>
    /// struct wbxp_context {           // offset
    ///     uint32_t helper_id;         //   0  the helper the tenant called
    ///     uint32_t container_id;      //   4  the caller's container id
    ///     uint64_t args[5];           //   8  r1..r5 of the call
    ///     uint64_t now_ms;            //  48  board ms since boot
    ///     uint64_t wall_s;            //  56  UTC seconds since 1970, 0 when the board does not know
    ///     uint32_t helper_calls;      //  64  the caller's calls of this helper so far, this one included
    ///     uint32_t calls_total;       //  68  the caller's helper calls in total
    ///     uint32_t runs;              //  72  the caller's completed runs
    ///     uint32_t reserved;          //  76  0
    ///     char tenant[32];            //  80  NUL-padded
    ///     char container[32];         // 112  NUL-padded
    ///     char device_id[32];         // 144  NUL-padded
    /// };                              // 176 bytes
    /// </code>
    /// </summary>
    public static class PolicyContext
    {
        public const uint Address = MemoryRegion.ContextBase;
        public const int Size = 176;
        public const int NameBytes = 32;

        public const int HelperId = 0;
        public const int ContainerId = 4;
        public const int Args = 8;
        public const int NowMs = 48;
        public const int WallSeconds = 56;
        public const int HelperCalls = 64;
        public const int CallsTotal = 68;
        public const int Runs = 72;
        public const int Tenant = 80;
        public const int Container = 112;
        public const int DeviceId = 144;

        /// <summary>Writes the per-call fields; the names are written by <see cref="WriteNames"/> only when the caller changes.</summary>
        internal static void WriteCall(byte[] ctx, Container caller, int helperId,
            ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, long nowMs, long wallSeconds)
        {
            LittleEndian.WriteUInt32(ctx, HelperId, (uint)helperId);
            LittleEndian.WriteUInt32(ctx, ContainerId, (uint)caller.Id);
            LittleEndian.WriteUInt64(ctx, Args, r1);
            LittleEndian.WriteUInt64(ctx, Args + 8, r2);
            LittleEndian.WriteUInt64(ctx, Args + 16, r3);
            LittleEndian.WriteUInt64(ctx, Args + 24, r4);
            LittleEndian.WriteUInt64(ctx, Args + 32, r5);
            LittleEndian.WriteUInt64(ctx, NowMs, (ulong)nowMs);
            LittleEndian.WriteUInt64(ctx, WallSeconds, (ulong)wallSeconds);
            LittleEndian.WriteUInt32(ctx, HelperCalls, (uint)caller.Counters.HelperCallsOf(helperId));
            LittleEndian.WriteUInt32(ctx, CallsTotal, (uint)caller.Counters.HelperCalls);
            LittleEndian.WriteUInt32(ctx, Runs, (uint)caller.Counters.Runs);
        }

        internal static void WriteNames(byte[] ctx, Container caller, string deviceId)
        {
            WriteName(ctx, Tenant, caller.Tenant.Id);
            WriteName(ctx, Container, caller.Name);
            WriteName(ctx, DeviceId, deviceId);
        }

        // Ids and names are ASCII (a-z 0-9 - _ and the device id's own rule); longer ones are cut.
        private static void WriteName(byte[] ctx, int offset, string name)
        {
            int n = name == null ? 0 : name.Length;
            for (int i = 0; i < NameBytes; i++)
            {
                ctx[offset + i] = i < n && i < NameBytes - 1 ? (byte)name[i] : (byte)0;
            }
        }
    }
}
