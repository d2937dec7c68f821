using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// SAUL-style sensor access over the board's registry, limited to the sensors the
    /// container declared (and its tenant was granted). A handle is the board index + 1;
    /// 0 means "none".
    /// 0x30 saul_reg_find_nth(n): the n-th declared device in board order, or 0.
    /// 0x31 saul_reg_find_type(type): the first declared device of that type, or 0.
    /// 0x32 saul_reg_read(handle, *phydat): writes RIOT's 8-byte phydat_t {int16 val[3];
    /// int8 unit; int8 scale} and returns 1 (values) or -EIO; undeclared handle: -EACCES.
    /// 0x74 actuator_write(handle, value): 0, -EIO when the device refuses, -EACCES unless
    /// declared writable.
    /// </summary>
    public sealed class SensorHelper : RuntimeHelper
    {
        public const int PhydatSize = 8;

        private readonly byte[] _phydat = new byte[PhydatSize];

        public SensorHelper(Container container, int id)
            : base(container, id)
        {
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            ISensorBus bus = Container.Services.Sensors;
            switch (Id)
            {
                case HelperIds.SaulFindNth:
                    result = (ulong)FindNth(bus, (long)r1);
                    return VmStatus.Ok;
                case HelperIds.SaulFindType:
                    result = (ulong)FindType(bus, (int)(byte)r1);
                    return VmStatus.Ok;
                case HelperIds.SaulRead:
                    return Read(vm, bus, r1, r2, out result);
                default:
                    int index = (int)r1 - 1;
                    if (r1 == 0 || r1 > int.MaxValue || Container.SensorAccess(index) != Container.AccessReadWrite)
                    {
                        result = Deny((int)r1);
                        return VmStatus.Ok;
                    }
                    result = bus.Write(index, (int)r2) ? 0 : Errno.Result(Errno.Io);
                    return VmStatus.Ok;
            }
        }

        private int FindNth(ISensorBus bus, long n)
        {
            int count = bus == null ? 0 : bus.Count;
            for (int i = 0; i < count; i++)
            {
                if (Container.SensorAccess(i) != Container.AccessNone && n-- == 0)
                {
                    return i + 1;
                }
            }
            return 0;
        }

        private int FindType(ISensorBus bus, int type)
        {
            int count = bus == null ? 0 : bus.Count;
            for (int i = 0; i < count; i++)
            {
                if (Container.SensorAccess(i) != Container.AccessNone && bus.TypeOf(i) == type)
                {
                    return i + 1;
                }
            }
            return 0;
        }

        private VmStatus Read(WasmBox.Nano.Vm.Vm vm, ISensorBus bus, ulong handle, ulong target, out ulong result)
        {
            int index = (int)handle - 1;
            if (handle == 0 || handle > int.MaxValue || Container.SensorAccess(index) == Container.AccessNone)
            {
                result = Deny((int)handle);
                return VmStatus.Ok;
            }
            // Check the destination before touching the device.
            if (vm.Memory.Translate(target, PhydatSize, true) < 0)
            {
                return BadPointer(out result);
            }
            int value;
            int scale;
            if (!bus.Read(index, out value, out scale))
            {
                result = Errno.Result(Errno.Io);
                return VmStatus.Ok;
            }
            // phydat holds int16 values: drop precision until the value fits, as RIOT's phydat_fit does.
            while (value > short.MaxValue || value < short.MinValue)
            {
                value /= 10;
                scale++;
            }
            System.Array.Clear(_phydat, 0, PhydatSize);
            _phydat[0] = (byte)value;
            _phydat[1] = (byte)(value >> 8);
            _phydat[7] = (byte)(sbyte)scale;
            vm.Memory.TryWrite(target, _phydat, 0, PhydatSize);
            result = 1;
            return VmStatus.Ok;
        }
    }
}
