using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Hostcalls
{
    /// <summary>
    /// The policy-only helpers (<see cref="PolicyHelperIds"/>), bound to one policy: they read
    /// the calling tenant's memory through its VM's checked accessors, never write it, and keep
    /// the policy's private store. A bad pointer into the policy's own memory ends the policy
    /// run (and so denies the call); a bad pointer into the caller's memory is -EFAULT.
    /// </summary>
    internal sealed class PolicyHelper : IHelper
    {
        private const int Fault = 14;
        private const int NoEntry = 2;
        private const int MaxSensorName = 32;

        private readonly HostcallPolicy _policy;
        private readonly int _id;

        internal PolicyHelper(HostcallPolicy policy, int id)
        {
            _policy = policy;
            _id = id;
        }

        public VmStatus Invoke(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            result = 0;
            switch (_id)
            {
                case PolicyHelperIds.KvGet:
                    result = _policy.Store.Fetch((uint)r1);
                    return VmStatus.Ok;
                case PolicyHelperIds.KvPut:
                    result = _policy.Store.Store((uint)r1, (uint)r2) ? 0 : Errno.Result(Errno.NoMemory);
                    return VmStatus.Ok;
                case PolicyHelperIds.ArgRead:
                    return ArgRead(vm, r1, r2, r3, out result);
                default:
                    return Sensor(vm, r1, r2, out result);
            }
        }

        private VmStatus ArgRead(WasmBox.Nano.Vm.Vm vm, ulong dst, ulong src, ulong len, out ulong result)
        {
            result = 0;
            if (len > PolicyHelperIds.MaxArgRead)
            {
                return VmStatus.HelperFault;
            }
            int n = (int)len;
            if (!_policy.Caller.Memory.TryRead(src, _policy.Scratch, 0, n))
            {
                result = Errno.Result(Fault);
                return VmStatus.Ok;
            }
            if (!vm.Memory.TryWrite(dst, _policy.Scratch, 0, n))
            {
                return VmStatus.HelperFault;
            }
            result = (ulong)n;
            return VmStatus.Ok;
        }

        /// <summary>sensor_index(name) and sensor_milli(name, out): both look the sensor up by its profile name.</summary>
        private VmStatus Sensor(WasmBox.Nano.Vm.Vm vm, ulong nameAddr, ulong outAddr, out ulong result)
        {
            result = 0;
            int length = vm.Memory.CStringLength(nameAddr, MaxSensorName);
            if (length < 0 || !vm.Memory.TryRead(nameAddr, _policy.Scratch, 0, length))
            {
                return VmStatus.HelperFault;
            }
            ISensorBus sensors = _policy.Services.Sensors;
            int index = sensors == null ? -1 : FindSensor(sensors, _policy.Scratch, length);
            if (index < 0)
            {
                result = Errno.Result(NoEntry);
                return VmStatus.Ok;
            }
            if (_id == PolicyHelperIds.SensorIndex)
            {
                result = (ulong)index;
                return VmStatus.Ok;
            }
            int value;
            int scale;
            if (!sensors.Read(index, out value, out scale))
            {
                result = Errno.Result(Errno.Io);
                return VmStatus.Ok;
            }
            if (!vm.Memory.TryWriteUInt32(outAddr, (uint)ToMilli(value, scale)))
            {
                return VmStatus.HelperFault;
            }
            return VmStatus.Ok;
        }

        private static int FindSensor(ISensorBus sensors, byte[] name, int length)
        {
            for (int i = 0; i < sensors.Count; i++)
            {
                string candidate = sensors.NameOf(i);
                if (candidate != null && candidate.Length == length && SameAscii(candidate, name))
                {
                    return i;
                }
            }
            return -1;
        }

        private static bool SameAscii(string s, byte[] bytes)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] != (char)bytes[i])
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>value × 10^(scale + 3), saturated to the int range (int only: no sign-tag pitfalls on nanoCLR).</summary>
        private static int ToMilli(int value, int scale)
        {
            int v = value;
            for (int e = scale + 3; e > 0; e--)
            {
                if (v > int.MaxValue / 10 || v < int.MinValue / 10)
                {
                    return v > 0 ? int.MaxValue : int.MinValue;
                }
                v = v * 10;
            }
            for (int e = scale + 3; e < 0; e++)
            {
                v = v / 10;
            }
            return v;
        }
    }
}
