using System.Collections;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Monitoring
{
    /// <summary>
    /// Applies the anomaly rules to each container's runs and violations, keeps the most
    /// recent events for telemetry and forwards every event to the listeners. It only
    /// decides: <see cref="WasmBoxRuntime"/> quarantines when a rule fires.
    /// Rules: fault burst (N faults in a window), run-rate spike against the container's own
    /// baseline, repeated policy violations, and helper-call flood beyond the tenant's rate.
    /// </summary>
    public sealed class RuntimeMonitor
    {
        public const int RecentCapacity = 64;

        private readonly MonitorSettings _settings;
        private readonly ArrayList _listeners = new ArrayList();
        private readonly RuntimeEvent[] _recent = new RuntimeEvent[RecentCapacity];
        private int _recentNext;
        private int _recentCount;
        private int _total;

        public RuntimeMonitor(MonitorSettings settings)
        {
            _settings = settings == null ? new MonitorSettings() : settings;
        }

        public MonitorSettings Settings { get { return _settings; } }

        /// <summary>Events raised since start (the recent list keeps the last <see cref="RecentCapacity"/>).</summary>
        public int TotalEvents { get { return _total; } }

        public void AddListener(IRuntimeEvents listener)
        {
            lock (_listeners)
            {
                _listeners.Add(listener);
            }
        }

        public void RemoveListener(IRuntimeEvents listener)
        {
            lock (_listeners)
            {
                _listeners.Remove(listener);
            }
        }

        /// <summary>The most recent events, oldest first.</summary>
        public RuntimeEvent[] RecentEvents()
        {
            lock (_recent)
            {
                RuntimeEvent[] copy = new RuntimeEvent[_recentCount];
                int start = _recentNext - _recentCount;
                if (start < 0)
                {
                    start += RecentCapacity;
                }
                for (int i = 0; i < _recentCount; i++)
                {
                    copy[i] = _recent[(start + i) % RecentCapacity];
                }
                return copy;
            }
        }

        /// <summary>
        /// The rule a finished run trips, or None. Allocation-free unless the run faulted. A run
        /// triggered from outside the board (<paramref name="outside"/>) is no evidence for the rate
        /// rule: an outsider could otherwise spike it and get an innocent function quarantined.
        /// </summary>
        internal AnomalyKind AfterRun(Container c, VmStatus status, bool outside, long nowMs)
        {
            ContainerHealth h = c.Health;
            if (status != VmStatus.Ok)
            {
                Raise(new RuntimeEvent(RuntimeEventKind.Fault, nowMs, c.Tenant.Id, c.Name, c.Id, c.State, status,
                    AnomalyKind.None, "run " + c.Counters.Runs + " ended: " + VmStatusText.Describe(status)
                    + " at instruction " + c.FaultIndex));
                if (h.Faults.Record(nowMs, _settings.FaultWindowMs))
                {
                    return AnomalyKind.FaultBurst;
                }
            }
            return !outside && h.Rate.RecordRun(nowMs, _settings) ? AnomalyKind.RateSpike : AnomalyKind.None;
        }

        /// <summary>Counts a refused resource; PolicyViolations when they come in a burst.</summary>
        internal AnomalyKind OnViolation(Container c, string detail, long nowMs)
        {
            Raise(new RuntimeEvent(RuntimeEventKind.PolicyViolation, nowMs, c.Tenant.Id, c.Name, c.Id, c.State,
                VmStatus.Ok, AnomalyKind.None, detail));
            return c.Health.Violations.Record(nowMs, _settings.ViolationWindowMs)
                ? AnomalyKind.PolicyViolations : AnomalyKind.None;
        }

        internal void Raise(RuntimeEvent e)
        {
            lock (_recent)
            {
                _recent[_recentNext] = e;
                _recentNext = (_recentNext + 1) % RecentCapacity;
                if (_recentCount < RecentCapacity)
                {
                    _recentCount++;
                }
                _total++;
            }
            object[] listeners;
            lock (_listeners)
            {
                listeners = _listeners.ToArray();
            }
            for (int i = 0; i < listeners.Length; i++)
            {
                ((IRuntimeEvents)listeners[i]).OnRuntimeEvent(e);
            }
        }
    }

    /// <summary>A container's anomaly-rule state, reset when the owner releases it.</summary>
    public sealed class ContainerHealth
    {
        internal readonly BurstTracker Faults;
        internal readonly BurstTracker Violations;
        internal readonly RateBaseline Rate = new RateBaseline();

        internal ContainerHealth(MonitorSettings settings)
        {
            Faults = new BurstTracker(settings.FaultBurstCount);
            Violations = new BurstTracker(settings.ViolationBurstCount);
        }

        /// <summary>Average runs per rate window so far (the spike rule's baseline).</summary>
        public int RunRateBaseline { get { return Rate.Baseline; } }

        /// <summary>Why the container was last quarantined, or None.</summary>
        public AnomalyKind LastAnomaly { get; internal set; }

        internal void Reset()
        {
            Faults.Reset();
            Violations.Reset();
            Rate.Reset();
        }
    }
}
