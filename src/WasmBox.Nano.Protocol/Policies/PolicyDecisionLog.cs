using WasmBox.Nano.Protocol.Logs;
using WasmBox.Nano.Runtime.Monitoring;

namespace WasmBox.Nano.Protocol.Policies
{
    /// <summary>
    /// Puts the board owner's policy decisions into the affected tenant's log stream (what `wbx logs`
    /// shows): each policy-denied and policy-fault event becomes a line of the calling container. The
    /// runtime raises at most one of each per policy and second, and the queue's per-tenant rate applies.
    /// Runs on the container's thread: it only offers to the queue, which never blocks.
    /// </summary>
    public sealed class PolicyDecisionLog : IRuntimeEvents
    {
        private readonly TenantLogQueue _queue;

        public PolicyDecisionLog(TenantLogQueue queue)
        {
            _queue = queue;
        }

        public void OnRuntimeEvent(RuntimeEvent e)
        {
            if (e.Kind == RuntimeEventKind.PolicyDenied || e.Kind == RuntimeEventKind.PolicyFault)
            {
                _queue.Offer(e.TenantId, e.ContainerName, e.TimestampMs, e.Detail);
            }
        }
    }
}
