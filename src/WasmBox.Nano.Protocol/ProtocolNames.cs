using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Protocol
{
    /// <summary>The stable lower-case names the JSON messages use for enum values (README.md).</summary>
    public static class ProtocolNames
    {
        public static string Of(UpdateOperation operation)
        {
            switch (operation)
            {
                case UpdateOperation.Deploy: return "deploy";
                case UpdateOperation.Remove: return "remove";
                case UpdateOperation.Rollback: return "rollback";
                default: return "unknown";
            }
        }

        public static string Of(UpdateStatus status)
        {
            switch (status)
            {
                case UpdateStatus.Refused: return "refused";
                case UpdateStatus.Installed: return "installed";
                case UpdateStatus.Updated: return "updated";
                case UpdateStatus.Removed: return "removed";
                case UpdateStatus.RolledBack: return "rolled-back";
                default: return "unknown";
            }
        }

        public static string Of(RuntimeEventKind kind)
        {
            switch (kind)
            {
                case RuntimeEventKind.Installed: return "installed";
                case RuntimeEventKind.InstallRefused: return "install-refused";
                case RuntimeEventKind.StateChanged: return "state";
                case RuntimeEventKind.Fault: return "fault";
                case RuntimeEventKind.PolicyViolation: return "violation";
                case RuntimeEventKind.Quarantined: return "quarantined";
                case RuntimeEventKind.Throttled: return "throttled";
                case RuntimeEventKind.PolicyDenied: return "policy-denied";
                case RuntimeEventKind.PolicyFault: return "policy-fault";
                default: return "unknown";
            }
        }

        public static string Of(AnomalyKind anomaly)
        {
            switch (anomaly)
            {
                case AnomalyKind.None: return "none";
                case AnomalyKind.FaultBurst: return "fault-burst";
                case AnomalyKind.RateSpike: return "rate-spike";
                case AnomalyKind.PolicyViolations: return "policy-violations";
                case AnomalyKind.HelperFlood: return "helper-flood";
                default: return "unknown";
            }
        }
    }
}
