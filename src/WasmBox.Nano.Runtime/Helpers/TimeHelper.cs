using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// 0x20 now_ms(): board milliseconds since boot, as uint32. 0x60 ztimer_now(): board
    /// microseconds as uint32 (ms resolution). 0x61 ztimer_periodic_wakeup(*last, period):
    /// advances *last by period and returns 0; it never sleeps (a run must stay short:
    /// periodic work belongs on a timer hook).
    /// </summary>
    public sealed class TimeHelper : RuntimeHelper
    {
        public TimeHelper(Container container, int id)
            : base(container, id)
        {
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            long nowMs = Container.Services.Clock.NowMs;
            switch (Id)
            {
                case HelperIds.NowMs:
                    result = (uint)nowMs;
                    return VmStatus.Ok;
                case HelperIds.ZtimerNow:
                    result = (uint)(nowMs * 1000);
                    return VmStatus.Ok;
                default:
                    uint last;
                    if (!vm.Memory.TryReadUInt32(r1, out last) || !vm.Memory.TryWriteUInt32(r1, last + (uint)r2))
                    {
                        return BadPointer(out result);
                    }
                    result = 0;
                    return VmStatus.Ok;
            }
        }
    }
}
