namespace WasmBox.Nano.Runtime.Policy
{
    /// <summary>
    /// The members the tenant policy reader accepts at each level of the document. The host test
    /// <c>TenantPolicySchemaAgreementTests</c> holds them against <c>tenant-policy.schema.json</c>: a
    /// key added here must be added to the schema too.
    /// </summary>
    public static class PolicyKeys
    {
        public static readonly string[] Document = new string[] { "tenants" };

        public static readonly string[] Tenant = new string[]
        {
            "id", "helpers", "pins", "sensors", "topics", "coapPaths", "i2c", "spi", "uart", "pwm", "adc", "signedInvokes", "limits",
        };

        public static readonly string[] Pin = new string[] { "pin", "mode" };

        public static readonly string[] Sensor = new string[] { "name", "access" };

        public static readonly string[] I2c = new string[] { "bus", "first", "last" };

        public static readonly string[] Spi = new string[] { "bus", "chipSelects" };

        /// <summary>The names of <see cref="LimitRange.All"/>, in the same order.</summary>
        public static string[] Limits()
        {
            string[] names = new string[LimitRange.All.Length];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = LimitRange.All[i].Name;
            }
            return names;
        }
    }

    /// <summary>
    /// One member of a tenant's "limits": its range and the value a policy that leaves it out gets.
    /// The defaults fit a small function on an ESP32 (the <c>wbx new --policy</c> stub writes them out).
    /// </summary>
    public sealed class LimitRange
    {
        /// <summary><see cref="Default"/> of a limit whose default is another limit's value.</summary>
        public const int DefaultFromOther = -1;

        public static readonly LimitRange MaxContainers = new LimitRange("maxContainers", 1, 64, 4);
        public static readonly LimitRange MaxImageBytes = new LimitRange("maxImageBytes", 8, 1048576, 8192);
        public static readonly LimitRange RamBytes = new LimitRange("ramBytes", 1, 16777216, 32768);
        public static readonly LimitRange InstructionsPerRun = new LimitRange("instructionsPerRun", 1, int.MaxValue, 20000);
        public static readonly LimitRange BranchesPerRun = new LimitRange("branchesPerRun", 0, int.MaxValue, 2000);
        public static readonly LimitRange RunsPerSecond = new LimitRange("runsPerSecond", 1, 100000, 50);

        /// <summary>Defaults to the tenant's <see cref="RunsPerSecond"/>.</summary>
        public static readonly LimitRange OutsideRunsPerSecond = new LimitRange("outsideRunsPerSecond", 1, 100000, DefaultFromOther);
        public static readonly LimitRange HelperCallsPerSecond = new LimitRange("helperCallsPerSecond", 0, 10000000, 500);
        public static readonly LimitRange LocalStore = new LimitRange("localStore", 0, 1024, TenantPolicy.DefaultLocalStoreCapacity);
        public static readonly LimitRange GlobalStore = new LimitRange("globalStore", 0, 1024, TenantPolicy.DefaultGlobalStoreCapacity);
        public static readonly LimitRange EventQueue = new LimitRange("eventQueue", 1, 64, TenantPolicy.DefaultEventQueueDepth);
        public static readonly LimitRange PayloadBytes = new LimitRange("payloadBytes", 0, 4096, TenantPolicy.DefaultPayloadBytes);

        public static readonly LimitRange[] All = new LimitRange[]
        {
            MaxContainers, MaxImageBytes, RamBytes, InstructionsPerRun, BranchesPerRun, RunsPerSecond,
            OutsideRunsPerSecond, HelperCallsPerSecond, LocalStore, GlobalStore, EventQueue, PayloadBytes,
        };

        private LimitRange(string name, int min, int max, int defaultValue)
        {
            Name = name;
            Min = min;
            Max = max;
            Default = defaultValue;
        }

        public string Name { get; private set; }

        public int Min { get; private set; }

        public int Max { get; private set; }

        /// <summary>The value when the member is absent, or <see cref="DefaultFromOther"/>.</summary>
        public int Default { get; private set; }
    }
}
