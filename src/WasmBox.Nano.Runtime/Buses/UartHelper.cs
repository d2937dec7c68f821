using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// 0xB4 uart_write(port, buf*, len) and 0xB5 uart_read(port, buf*, len, timeout_us) on a
    /// port the container declared, at its declared baud. uart_write returns 0, uart_read the
    /// count read (0 when nothing came within the timeout); else a negative errno: -EINVAL a
    /// length outside 1-<see cref="MaxTransfer"/> or a timeout above <see cref="MaxTimeoutMicros"/>,
    /// -EACCES (counted) an undeclared port, -EIO, -EBUSY the port stayed busy. The whole timeout
    /// is budget: a read whose timeout and bytes the run cannot pay for ends the run
    /// (InstructionBudgetExhausted) before touching the port; the time it took is charged.
    /// A buffer outside the VM's memory ends the run (HelperFault). Allocates nothing.
    /// </summary>
    public sealed class UartHelper : BusHelper
    {
        public const int MaxTransfer = 64;
        public const int MaxTimeoutMicros = 1000000;

        private readonly byte[] _buffer = new byte[MaxTransfer];

        public UartHelper(Container container, int id)
            : base(container, id)
        {
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            bool reads = Id == HelperIds.UartRead;
            if (r3 == 0 || r3 > MaxTransfer || (reads && r4 > MaxTimeoutMicros))
            {
                return Invalid(out result);
            }
            UartUse use = r1 > int.MaxValue ? null : Container.Manifest.DeclaredPeripherals.FindUart((int)r1);
            if (use == null)
            {
                result = Deny((int)r1);
                return VmStatus.Ok;
            }
            int length = (int)r3;
            int timeout = reads ? (int)r4 : 0;
            if (reads ? vm.Memory.Translate(r2, length, true) < 0 : !vm.Memory.TryRead(r2, _buffer, 0, length))
            {
                return BadPointer(out result);
            }
            int wire = BusTime.UartMicros(use.Baud, length);
            int cost = BusTime.Cost(wire) + BusTime.Cost(timeout);
            if (cost > vm.RemainingInstructions)
            {
                return Unaffordable(out result);
            }
            BusGate gate = Buses.UartGate(use.Port);
            if (!Enter(vm, gate, cost))
            {
                result = Errno.Result(Errno.Busy);
                return VmStatus.Ok;
            }
            IUartPort port = Buses.FindUart(use.Port);
            int micros;
            int n;
            try
            {
                n = reads ? port.Read(use.Baud, _buffer, length, timeout, out micros) : port.Write(use.Baud, _buffer, length, out micros);
            }
            finally
            {
                gate.Exit();
            }
            // A read is billed what it took (at least the bytes it got); a write at least its wire time.
            Bill(vm, micros, BusTime.Cost(reads ? BusTime.UartMicros(use.Baud, n > 0 ? n : 0) : wire));
            if (reads && n > 0)
            {
                vm.Memory.TryWrite(r2, _buffer, 0, n > length ? length : n);
            }
            result = (ulong)(long)n;
            return VmStatus.Ok;
        }
    }
}
