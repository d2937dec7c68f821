using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// 0xB0 i2c_write(dev, buf*, len), 0xB1 i2c_read(dev, buf*, len) and 0xB2
    /// i2c_write_read(dev, wbuf*, wlen, rbuf*, rlen) (a repeated start between the two), where
    /// dev = bus &lt;&lt; 8 | address names a device the container declared. Returns 0 or a
    /// negative errno: -EINVAL a length outside 1-<see cref="MaxTransfer"/>, -EACCES (counted)
    /// an undeclared device, -ENXIO no acknowledge, -EIO a data byte refused, -EBUSY the bus
    /// stayed busy for as long as the run could pay. A buffer outside the VM's mapped memory
    /// ends the run (HelperFault); a transfer the run cannot pay for ends it with
    /// InstructionBudgetExhausted before touching the bus. Bus time and waiting are charged
    /// to the run (<see cref="BusTime"/>). Allocates nothing.
    /// </summary>
    public sealed class I2cHelper : BusHelper
    {
        public const int MaxTransfer = 32;

        private readonly byte[] _write = new byte[MaxTransfer];
        private readonly byte[] _read = new byte[MaxTransfer];

        public I2cHelper(Container container, int id)
            : base(container, id)
        {
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            ulong writeAt = 0, readAt = 0;
            ulong writeLength = 0, readLength = 0;
            switch (Id)
            {
                case HelperIds.I2cWrite:
                    writeAt = r2;
                    writeLength = r3;
                    break;
                case HelperIds.I2cRead:
                    readAt = r2;
                    readLength = r3;
                    break;
                default:
                    writeAt = r2;
                    writeLength = r3;
                    readAt = r4;
                    readLength = r5;
                    break;
            }
            bool writes = Id != HelperIds.I2cRead;
            bool reads = Id != HelperIds.I2cWrite;
            if ((writes && (writeLength == 0 || writeLength > MaxTransfer)) || (reads && (readLength == 0 || readLength > MaxTransfer)))
            {
                return Invalid(out result);
            }
            I2cDevice device = r1 > int.MaxValue ? null : Find((int)r1);
            if (device == null)
            {
                result = Deny((int)r1);
                return VmStatus.Ok;
            }
            int w = (int)writeLength;
            int r = (int)readLength;
            // Both buffers are checked before the bus is touched.
            if ((writes && !vm.Memory.TryRead(writeAt, _write, 0, w)) || (reads && vm.Memory.Translate(readAt, r, true) < 0))
            {
                return BadPointer(out result);
            }
            int cost = BusTime.Cost(BusTime.I2cMicros(device.SpeedHz, w, r));
            if (cost > vm.RemainingInstructions)
            {
                return Unaffordable(out result);
            }
            int errno = Transfer(vm, device, w, r, cost);
            if (errno == 0 && reads)
            {
                vm.Memory.TryWrite(readAt, _read, 0, r);
            }
            result = (ulong)(long)errno;
            return VmStatus.Ok;
        }

        /// <summary>Waits for the bus (no longer than the run can pay for), transfers, and bills the time.</summary>
        private int Transfer(WasmBox.Nano.Vm.Vm vm, I2cDevice device, int w, int r, int cost)
        {
            BusGate gate = Buses.I2cGate(device.Bus);
            if (!Enter(vm, gate, cost))
            {
                return -Errno.Busy;
            }
            int micros;
            int errno;
            try
            {
                errno = Buses.FindI2c(device.Bus).Transfer(device.Address, device.SpeedHz, _write, w, _read, r, out micros);
            }
            finally
            {
                gate.Exit();
            }
            Bill(vm, micros, cost);
            return errno;
        }

        private I2cDevice Find(int handle)
        {
            I2cDevice[] devices = Container.Manifest.I2cDevices;
            for (int i = 0; i < devices.Length; i++)
            {
                if (devices[i].Handle == handle)
                {
                    return devices[i];
                }
            }
            return null;
        }
    }
}
