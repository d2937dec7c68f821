namespace WasmBox.Nano.Runtime.Monitoring
{
    /// <summary>Thresholds of the anomaly rules; the defaults suit a board running a few tenants.</summary>
    public sealed class MonitorSettings
    {
        /// <summary>Faults within <see cref="FaultWindowMs"/> that quarantine a container.</summary>
        public int FaultBurstCount = 3;
        public int FaultWindowMs = 10000;

        /// <summary>Policy violations within <see cref="ViolationWindowMs"/> that quarantine a container.</summary>
        public int ViolationBurstCount = 3;
        public int ViolationWindowMs = 10000;

        /// <summary>Length of a run-rate window, and how many windows form a baseline before spikes count.</summary>
        public int RateWindowMs = 1000;
        public int RateWarmupWindows = 5;

        /// <summary>A window with more than Factor x baseline runs, and at least Minimum runs, is a spike.</summary>
        public int RateSpikeFactor = 4;
        public int RateSpikeMinimumRuns = 20;
    }
}
