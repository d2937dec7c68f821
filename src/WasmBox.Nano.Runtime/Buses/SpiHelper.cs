using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// 0xB3 spi_transfer(dev, wbuf*, rbuf*, len): full duplex with the device's chip select
    /// asserted, where dev = bus &lt;&lt; 16 | chip-select pin names a device the container
    /// declared; wbuf and rbuf may be the same buffer. Returns 0 or a negative errno: -EINVAL a
    /// length outside 1-<see cref="MaxTransfer"/>, -EACCES (counted) an undeclared device, -EIO,
    /// -EBUSY the bus stayed busy for as long as the run could pay. A buffer outside the VM's
    /// memory ends the run (HelperFault); a transfer the run cannot pay for ends it with
    /// InstructionBudgetExhausted before touching the bus. Allocates nothing.
    /// </summary>
    public sealed class SpiHelper : BusHelper
    {
        public const int MaxTransfer = 64;

        private readonly byte[] _write = new byte[MaxTransfer];
        private readonly byte[] _read = new byte[MaxTransfer];

        public SpiHelper(Container container)
            : base(container, HelperIds.SpiTransfer)
        {
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            if (r4 == 0 || r4 > MaxTransfer)
            {
                return Invalid(out result);
            }
            SpiDevice device = r1 > int.MaxValue ? null : Container.Manifest.DeclaredPeripherals.FindSpi((int)r1);
            if (device == null)
            {
                result = Deny((int)r1);
                return VmStatus.Ok;
            }
            int length = (int)r4;
            if (!vm.Memory.TryRead(r2, _write, 0, length) || vm.Memory.Translate(r3, length, true) < 0)
            {
                return BadPointer(out result);
            }
            int cost = BusTime.Cost(BusTime.SpiMicros(device.ClockHz, length));
            if (cost > vm.RemainingInstructions)
            {
                return Unaffordable(out result);
            }
            BusGate gate = Buses.SpiGate(device.Bus);
            if (!Enter(vm, gate, cost))
            {
                result = Errno.Result(Errno.Busy);
                return VmStatus.Ok;
            }
            int micros;
            int errno;
            try
            {
                errno = Buses.FindSpi(device.Bus).Transfer(device.ChipSelectPin, device.ClockHz, device.Mode, _write, _read, length, out micros);
            }
            finally
            {
                gate.Exit();
            }
            Bill(vm, micros, cost);
            if (errno == 0)
            {
                vm.Memory.TryWrite(r3, _read, 0, length);
            }
            result = (ulong)(long)errno;
            return VmStatus.Ok;
        }
    }
}
