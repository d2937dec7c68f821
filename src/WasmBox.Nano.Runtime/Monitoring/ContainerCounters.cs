using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Monitoring
{
    /// <summary>
    /// Telemetry of one container: runs, faults by <see cref="VmStatus"/>, instructions,
    /// helper calls by id, run time (ticks of 100 ns), budget hits, rate-limited runs and
    /// policy violations. Written by the container's run path only; read by anyone (a
    /// reader on another thread may see a run half counted, which telemetry tolerates).
    /// </summary>
    public sealed class ContainerCounters
    {
        /// <summary>Number of <see cref="VmStatus"/> values.</summary>
        public const int StatusKinds = 10;

        private readonly int[] _byStatus = new int[StatusKinds];
        private readonly int[] _helperCalls = new int[HelperCatalog.Count];
        private long _runs;
        private long _instructions;
        private long _branches;
        private long _ticksTotal;
        private long _ticksMin;
        private long _ticksMax;
        private int _rateLimited;
        private int _throttled;
        private int _violations;
        private int _helperCallsTotal;

        /// <summary>Runs that started (completed or faulted).</summary>
        public long Runs { get { return _runs; } }

        /// <summary>Runs that ended with <paramref name="status"/> (Ok counts normal exits).</summary>
        public int CountOf(VmStatus status)
        {
            int i = (int)status;
            return i < 0 || i >= StatusKinds ? 0 : _byStatus[i];
        }

        /// <summary>Runs that ended in any fault.</summary>
        public long Faults { get { return _runs - _byStatus[(int)VmStatus.Ok]; } }

        /// <summary>Runs stopped by the instruction or branch budget.</summary>
        public int BudgetHits
        {
            get { return _byStatus[(int)VmStatus.InstructionBudgetExhausted] + _byStatus[(int)VmStatus.BranchBudgetExhausted]; }
        }

        /// <summary>Events not run because the tenant was over its runs per second.</summary>
        public int RateLimitedRuns { get { return _rateLimited; } }

        /// <summary>Outside-triggered events (MQTT, CoAP, invocations) dropped over the container's own budget.</summary>
        public int ThrottledRuns { get { return _throttled; } }

        public int PolicyViolations { get { return _violations; } }

        public long Instructions { get { return _instructions; } }

        public long Branches { get { return _branches; } }

        public int HelperCalls { get { return _helperCallsTotal; } }

        public int HelperCallsOf(int id)
        {
            int slot = HelperCatalog.SlotOf(id);
            return slot < 0 ? 0 : _helperCalls[slot];
        }

        public long RunTicksMin { get { return _runs == 0 ? 0 : _ticksMin; } }

        public long RunTicksMax { get { return _ticksMax; } }

        public long RunTicksAverage { get { return _runs == 0 ? 0 : _ticksTotal / _runs; } }

        internal void RecordRun(VmStatus status, int instructions, int branches, long ticks)
        {
            if (_runs == 0 || ticks < _ticksMin)
            {
                _ticksMin = ticks;
            }
            if (ticks > _ticksMax)
            {
                _ticksMax = ticks;
            }
            _runs++;
            int i = (int)status;
            if (i >= 0 && i < StatusKinds)
            {
                _byStatus[i]++;
            }
            _instructions += instructions;
            _branches += branches;
            _ticksTotal += ticks;
        }

        internal void RecordHelperCall(int id)
        {
            int slot = HelperCatalog.SlotOf(id);
            if (slot >= 0)
            {
                _helperCalls[slot]++;
            }
            _helperCallsTotal++;
        }

        internal void RecordRateLimited()
        {
            _rateLimited++;
        }

        internal void RecordThrottled()
        {
            _throttled++;
        }

        internal void RecordViolation()
        {
            _violations++;
        }
    }
}
