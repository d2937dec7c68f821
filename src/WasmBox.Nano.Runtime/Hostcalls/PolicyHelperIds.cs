using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Hostcalls
{
    /// <summary>
    /// The helpers only policy programs can call (tenant programs never see these ids, and
    /// policy programs see no tenant helper). Results are negative errno values on failure.
    /// </summary>
    public static class PolicyHelperIds
    {
        /// <summary>arg_read(dst*, caller_addr, len ≤ 256): copies the caller's memory; len, or -EFAULT when the caller may not read it.</summary>
        public const int ArgRead = 0xC0;

        /// <summary>kv_get(key): the policy's stored value (u32), 0 when absent.</summary>
        public const int KvGet = 0xC1;

        /// <summary>kv_put(key, value): 0, or -ENOMEM when the store is full.</summary>
        public const int KvPut = 0xC2;

        /// <summary>sensor_milli(name*, out* i32): 0 and the reading in thousandths of its unit; -ENOENT, -EIO.</summary>
        public const int SensorMilli = 0xC3;

        /// <summary>sensor_index(name*): the sensor's board index (a tenant's handle is index + 1), or -ENOENT.</summary>
        public const int SensorIndex = 0xC4;

        /// <summary>Most bytes one arg_read copies (the policy's stack is one 512-byte frame).</summary>
        public const int MaxArgRead = 256;

        private static HelperTable _verificationTable;

        public static int[] All()
        {
            return new int[] { ArgRead, KvGet, KvPut, SensorMilli, SensorIndex };
        }

        /// <summary>The ids a policy program may call, for its verifier.</summary>
        public static HelperTable VerificationTable
        {
            get
            {
                if (_verificationTable == null)
                {
                    _verificationTable = HelperTable.Declaring(All());
                }
                return _verificationTable;
            }
        }
    }
}
