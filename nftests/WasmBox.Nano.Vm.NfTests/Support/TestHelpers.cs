namespace WasmBox.Nano.Vm.NfTests
{
    /// <summary>Returns r1 + r2 + r3 + r4 + r5: shows every argument register arrives.</summary>
    internal sealed class SumHelper : IHelper
    {
        public const int Id = 1;

        public VmStatus Invoke(Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            result = r1 + r2 + r3 + r4 + r5;
            return VmStatus.Ok;
        }
    }

    /// <summary>Stores the 32-bit r2 at VM address r1 through the checked accessors.</summary>
    internal sealed class PokeHelper : IHelper
    {
        public const int Id = 2;

        public VmStatus Invoke(Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            result = 0;
            return vm.Memory.TryWriteUInt32(r1, (uint)r2) ? VmStatus.Ok : VmStatus.HelperFault;
        }
    }

    /// <summary>Ends the program normally with r0 = r1.</summary>
    internal sealed class ExitHelper : IHelper
    {
        public const int Id = 3;

        public VmStatus Invoke(Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            result = r1;
            vm.RequestExit();
            return VmStatus.Ok;
        }
    }

    /// <summary>Breaks the helper contract by throwing, to show the VM contains it.</summary>
    internal sealed class ThrowingHelper : IHelper
    {
        public const int Id = 4;

        public VmStatus Invoke(Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            throw new System.InvalidOperationException("helper bug");
        }
    }
}
