using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Runtime.Containers
{
    /// <summary>
    /// A provisioned tenant: its policy, its global key-value store (shared by its containers
    /// and by no one else), the RAM its containers hold, and its runs-per-second window.
    /// </summary>
    public sealed class Tenant
    {
        private readonly KeyValueStore _globalStore;
        private readonly RateWindow _runs = new RateWindow();
        private int _ramInUse;
        private int _containerCount;

        internal Tenant(TenantPolicy policy)
        {
            Policy = policy;
            _globalStore = new KeyValueStore(policy.Limits.GlobalStoreCapacity);
        }

        public string Id { get { return Policy.TenantId; } }

        public TenantPolicy Policy { get; private set; }

        public KeyValueStore GlobalStore { get { return _globalStore; } }

        /// <summary>Estimated managed bytes held by this tenant's installed containers.</summary>
        public int RamInUse { get { return _ramInUse; } }

        public int ContainerCount { get { return _containerCount; } }

        internal void AddContainer(int ramBytes)
        {
            _ramInUse += ramBytes;
            _containerCount++;
        }

        internal void RemoveContainer(int ramBytes)
        {
            _ramInUse -= ramBytes;
            _containerCount--;
        }

        /// <summary>Counts a run against runs-per-second; false when the tenant is over its rate.</summary>
        internal bool TryConsumeRun(long nowMs)
        {
            lock (_runs)
            {
                return _runs.TryAdd(nowMs, Policy.Limits.RunsPerSecond);
            }
        }
    }

    /// <summary>A count over the current one-second window; not thread-safe by itself.</summary>
    internal sealed class RateWindow
    {
        public const int WindowMs = 1000;

        private long _windowStart = -WindowMs;
        private int _count;

        /// <summary>Start of the current window (board milliseconds).</summary>
        public long WindowStart { get { return _windowStart; } }

        /// <summary>Counts one more if that stays within <paramref name="limit"/> this window.</summary>
        public bool TryAdd(long nowMs, int limit)
        {
            Roll(nowMs);
            if (_count >= limit)
            {
                return false;
            }
            _count++;
            return true;
        }

        private void Roll(long nowMs)
        {
            if (nowMs - _windowStart >= WindowMs || nowMs < _windowStart)
            {
                _windowStart = nowMs;
                _count = 0;
            }
        }
    }
}
