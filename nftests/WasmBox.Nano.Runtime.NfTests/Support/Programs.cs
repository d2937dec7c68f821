using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Vm;
using WasmBox.Nano.Vm.NfTests;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// The small programs the runtime tests install, hand-encoded with the VM suite's
    /// <see cref="ProgramBuilder"/> (linked into this project, so both suites share one encoder).
    /// </summary>
    internal static class Programs
    {
        /// <summary>r0 = context.hook_param (the timer period for a timer event).</summary>
        public static byte[] ReturnHookParameter()
        {
            return new ProgramBuilder()
                .Load(Opcodes.LdxW, 0, 1, ContextLayout.HookParam)
                .Exit()
                .ToArray();
        }

        /// <summary>Counts its runs in local store key 1 (fetch_local, +1, store_local) and returns the count.</summary>
        public static byte[] CountRunsInLocalStore()
        {
            return new ProgramBuilder()
                .Mov(1, 1)
                .MovReg(2, 10)
                .Alu(Opcodes.Add64K, 2, -8)
                .CallHelper(HelperIds.FetchLocal)
                .Load(Opcodes.LdxW, 6, 10, -8)
                .Alu(Opcodes.Add64K, 6, 1)
                .Mov(1, 1)
                .MovReg(2, 6)
                .CallHelper(HelperIds.StoreLocal)
                .MovReg(0, 6)
                .Exit()
                .ToArray();
        }

        /// <summary>gpio_write(pin, 1) and returns the helper's result.</summary>
        public static byte[] DrivePinHigh(int pin)
        {
            return new ProgramBuilder()
                .Mov(1, pin)
                .Mov(2, 1)
                .CallHelper(HelperIds.GpioWrite)
                .Exit()
                .ToArray();
        }

        /// <summary>Reads 8 bytes past the top of the stack: a memory fault on every run.</summary>
        public static byte[] ReadPastTheStack()
        {
            return new ProgramBuilder()
                .MovReg(2, 10)
                .Load(Opcodes.LdxDw, 0, 2, 8)
                .Exit()
                .ToArray();
        }

        /// <summary>Calls print, which the test tenant is not granted.</summary>
        public static byte[] CallPrint()
        {
            return new ProgramBuilder()
                .Mov(1, 0)
                .CallHelper(HelperIds.Print)
                .Exit()
                .ToArray();
        }
    }
}
