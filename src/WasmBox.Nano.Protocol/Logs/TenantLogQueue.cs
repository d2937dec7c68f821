using System.Collections;

namespace WasmBox.Nano.Protocol.Logs
{
    /// <summary>
    /// Tenants' print/log lines on their way to the broker: a fixed ring filled on the container's
    /// thread (never blocks, never waits for the network) and drained by the agent's publisher.
    /// Each tenant may queue <see cref="LinesPerSecond"/> lines per second, so a chatty tenant cannot
    /// crowd out the others; lines over the rate or finding the ring full are dropped and counted,
    /// and the count rides on that tenant's next line. Lines are cut to <see cref="MaxLineLength"/>.
    /// </summary>
    public sealed class TenantLogQueue
    {
        public const int DefaultCapacity = 32;
        public const int DefaultLinesPerSecond = 20;
        public const int DefaultMaxLineLength = 200;
        private const long WindowMs = 1000;

        private readonly object _gate = new object();
        private readonly TenantLogLine[] _ring;
        private readonly ArrayList _budgets = new ArrayList();
        private int _head;
        private int _count;

        public TenantLogQueue()
            : this(DefaultCapacity, DefaultLinesPerSecond, DefaultMaxLineLength)
        {
        }

        public TenantLogQueue(int capacity, int linesPerSecond, int maxLineLength)
        {
            if (capacity < 1 || linesPerSecond < 1 || maxLineLength < 1)
            {
                throw new System.ArgumentOutOfRangeException(capacity < 1 ? "capacity" : linesPerSecond < 1 ? "linesPerSecond" : "maxLineLength");
            }
            _ring = new TenantLogLine[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _ring[i] = new TenantLogLine();
            }
            LinesPerSecond = linesPerSecond;
            MaxLineLength = maxLineLength;
        }

        public int LinesPerSecond { get; private set; }

        public int MaxLineLength { get; private set; }

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _count;
                }
            }
        }

        /// <summary>Queues the line; false when it was dropped (the tenant's rate, or the ring is full).</summary>
        public bool Offer(string tenant, string container, long nowMs, string text)
        {
            if (tenant == null || text == null)
            {
                return false;
            }
            lock (_gate)
            {
                TenantBudget budget = BudgetOf(tenant);
                if (nowMs - budget.WindowStartMs >= WindowMs || nowMs < budget.WindowStartMs)
                {
                    budget.WindowStartMs = nowMs;
                    budget.InWindow = 0;
                }
                if (budget.InWindow >= LinesPerSecond || _count == _ring.Length)
                {
                    budget.Dropped++;
                    return false;
                }
                budget.InWindow++;
                TenantLogLine slot = _ring[Wrap(_head + _count)];
                _count++;
                slot.Tenant = tenant;
                slot.Container = container;
                slot.TimestampMs = nowMs;
                slot.Cut = text.Length > MaxLineLength;
                slot.Text = slot.Cut ? text.Substring(0, MaxLineLength) : text;
                slot.DroppedBefore = budget.Dropped;
                budget.Dropped = 0;
                return true;
            }
        }

        /// <summary>Moves the oldest line into <paramref name="into"/>; false when the queue is empty.</summary>
        public bool TryTake(TenantLogLine into)
        {
            lock (_gate)
            {
                if (_count == 0)
                {
                    return false;
                }
                TenantLogLine slot = _ring[_head];
                slot.CopyTo(into);
                slot.Text = null;
                _head = Wrap(_head + 1);
                _count--;
                return true;
            }
        }

        private int Wrap(int index)
        {
            return index >= _ring.Length ? index - _ring.Length : index;
        }

        private TenantBudget BudgetOf(string tenant)
        {
            for (int i = 0; i < _budgets.Count; i++)
            {
                TenantBudget known = (TenantBudget)_budgets[i];
                if (known.Tenant == tenant)
                {
                    return known;
                }
            }
            // Once per tenant: provisioning bounds how many there are.
            TenantBudget budget = new TenantBudget();
            budget.Tenant = tenant;
            budget.WindowStartMs = long.MinValue / 2;
            _budgets.Add(budget);
            return budget;
        }

        private sealed class TenantBudget
        {
            public string Tenant;
            public long WindowStartMs;
            public int InWindow;
            public int Dropped;
        }
    }
}
