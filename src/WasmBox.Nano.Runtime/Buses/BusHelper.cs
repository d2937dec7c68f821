using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// What every bus helper does around its transfer: waits for a busy bus without spinning
    /// and no longer than the run can pay for, charges the wait, and bills the transfer's time
    /// (<see cref="BusTime"/>) to the run.
    /// </summary>
    public abstract class BusHelper : RuntimeHelper
    {
        protected BusHelper(Container container, int id)
            : base(container, id)
        {
        }

        /// <summary>The buses of the container's board.</summary>
        protected BusArbiter Buses { get { return Container.Services.Buses; } }

        /// <summary>
        /// Takes <paramref name="gate"/>, waiting no longer than the run can pay for besides the
        /// <paramref name="cost"/> still ahead; the wait is charged. False when the bus stayed busy.
        /// </summary>
        internal static bool Enter(WasmBox.Nano.Vm.Vm vm, BusGate gate, int cost)
        {
            // Only a busy bus costs waiting time: a free one is taken without looking at the clock.
            if (gate.Enter(0))
            {
                return true;
            }
            int timeoutMs = BusTime.MillisFor(vm.RemainingInstructions - cost);
            long started = System.DateTime.UtcNow.Ticks;
            bool entered = gate.Enter(timeoutMs);
            // Charged up to the wait granted: scheduler lateness is not the program's doing.
            long waitedMicros = (System.DateTime.UtcNow.Ticks - started) / 10;
            vm.Charge(BusTime.Cost(waitedMicros < timeoutMs * 1000L ? (int)waitedMicros : timeoutMs * 1000));
            return entered;
        }

        /// <summary>Bills what the transfer took, at least the <paramref name="cost"/> it was estimated at.</summary>
        protected static void Bill(WasmBox.Nano.Vm.Vm vm, int micros, int cost)
        {
            int spent = BusTime.Cost(micros);
            vm.Charge(spent > cost ? spent : cost);
        }

        /// <summary>-EINVAL for r0 (a length or setting out of bounds; not a violation).</summary>
        protected static VmStatus Invalid(out ulong result)
        {
            result = Errno.Result(Errno.Invalid);
            return VmStatus.Ok;
        }

        /// <summary>Ends the run before touching the bus: it cannot pay for the transfer.</summary>
        protected static VmStatus Unaffordable(out ulong result)
        {
            result = 0;
            return VmStatus.InstructionBudgetExhausted;
        }
    }
}
