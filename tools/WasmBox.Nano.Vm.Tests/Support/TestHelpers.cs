namespace WasmBox.Nano.Vm.Tests.Support;

/// <summary>Helper body: gets the VM and r1..r5, returns r0. Delegate calls allocate nothing.</summary>
internal delegate ulong HelperBody(Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5);

/// <summary>A helper whose behaviour a test supplies inline; it also counts its calls.</summary>
internal sealed class DelegateHelper(HelperBody body, VmStatus status = VmStatus.Ok) : IHelper
{
    public int Calls { get; private set; }

    public VmStatus Invoke(Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
    {
        Calls++;
        result = body(vm, r1, r2, r3, r4, r5);
        return status;
    }
}

/// <summary>A helper that breaks its contract by throwing.</summary>
internal sealed class ThrowingHelper : IHelper
{
    public VmStatus Invoke(Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
    {
        throw new InvalidOperationException("helper bug");
    }
}
