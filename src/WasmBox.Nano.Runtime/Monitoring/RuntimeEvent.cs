using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Monitoring
{
    public enum RuntimeEventKind
    {
        Installed = 0,
        InstallRefused = 1,
        StateChanged = 2,
        Fault = 3,
        PolicyViolation = 4,
        Quarantined = 5,
        /// <summary>Outside-triggered runs over the container's budget were dropped (at most one per second).</summary>
        Throttled = 6,
        /// <summary>A board owner's policy program denied a helper call (at most one per policy and second).</summary>
        PolicyDenied = 7,
        /// <summary>A policy program faulted or ran out of budget; the call was denied (fail closed).</summary>
        PolicyFault = 8,
    }

    /// <summary>Which anomaly rule fired.</summary>
    public enum AnomalyKind
    {
        None = 0,
        FaultBurst = 1,
        RateSpike = 2,
        PolicyViolations = 3,
        HelperFlood = 4,
    }

    /// <summary>Something telemetry should hear about. Created only off the normal run path.</summary>
    public sealed class RuntimeEvent
    {
        internal RuntimeEvent(RuntimeEventKind kind, long timestampMs, string tenantId, string containerName,
            int containerId, ContainerState state, VmStatus status, AnomalyKind anomaly, string detail)
        {
            Kind = kind;
            TimestampMs = timestampMs;
            TenantId = tenantId;
            ContainerName = containerName;
            ContainerId = containerId;
            State = state;
            Status = status;
            Anomaly = anomaly;
            Detail = detail;
        }

        public RuntimeEventKind Kind { get; private set; }

        public long TimestampMs { get; private set; }

        public string TenantId { get; private set; }

        /// <summary>Null for tenant-level events such as a refused install of an unnamed container.</summary>
        public string ContainerName { get; private set; }

        /// <summary>-1 when no container exists (refused install).</summary>
        public int ContainerId { get; private set; }

        /// <summary>The container's state after the event.</summary>
        public ContainerState State { get; private set; }

        /// <summary>For faults, how the run ended.</summary>
        public VmStatus Status { get; private set; }

        public AnomalyKind Anomaly { get; private set; }

        public string Detail { get; private set; }

        public override string ToString()
        {
            return TimestampMs + " " + TenantId + "/" + (ContainerName == null ? "-" : ContainerName) + ": " + Detail;
        }
    }

    /// <summary>
    /// Receives runtime events (installs, state changes, faults, violations, quarantines).
    /// Called on the thread that caused the event, possibly a container's: return quickly.
    /// </summary>
    public interface IRuntimeEvents
    {
        void OnRuntimeEvent(RuntimeEvent e);
    }
}
