using WasmBox.Nano.Runtime.Hooks;

namespace WasmBox.Nano.Runtime.Containers
{
    /// <summary>
    /// A container's own budget for runs an outsider can trigger: MQTT messages on its hook topics,
    /// invocations over MQTT or CoAP, and CoAP requests (<see cref="IsOutside"/>). These runs never
    /// draw on the tenant's shared runs per second, so a flood on one function cannot starve its
    /// siblings' timers; and they are never evidence for the monitor's rate rule, so a flood cannot
    /// get an innocent function quarantined. What exceeds the budget is dropped and counted; the
    /// first drop of each window is reported (one event per second at most, however hard the flood).
    /// Used under the container's run lock only.
    /// </summary>
    internal sealed class OutsideRunBudget
    {
        private readonly RateWindow _window = new RateWindow();
        private long _reportedWindow = long.MinValue;

        /// <summary>True for hook kinds a message or datagram from outside the board can trigger.</summary>
        public static bool IsOutside(HookKind kind)
        {
            return kind == HookKind.Mqtt || kind == HookKind.Coap;
        }

        /// <summary>Counts one more outside run if that stays within <paramref name="perSecond"/>.</summary>
        public bool TryTake(long nowMs, int perSecond)
        {
            return _window.TryAdd(nowMs, perSecond);
        }

        /// <summary>After a refused <see cref="TryTake"/>: true once per window, when the drop should be reported.</summary>
        public bool ShouldReportDrop()
        {
            long window = _window.WindowStart;
            if (window == _reportedWindow)
            {
                return false;
            }
            _reportedWindow = window;
            return true;
        }
    }
}
